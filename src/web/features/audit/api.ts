// Audit log calls (auditor and admin): search newest first with cursor paging, and verify the keyed chain and its anchors.
import type { Static } from '@sinclair/typebox';
import { api } from '../../lib/api.ts';
import type * as s from '../../../server/audit/schemas.ts';

export type AuditPage = Static<typeof s.AuditPage>;
export type AuditEntry = AuditPage['items'][number];
export type AuditVerify = Static<typeof s.AuditVerdict>;

export type AuditFilter = Pick<Static<typeof s.AuditQuery>, 'actorId' | 'action' | 'from' | 'to' | 'success'>;

export const searchAudit = (f: AuditFilter, cursor: string | null, signal?: AbortSignal) =>
  api<AuditPage>('/api/audit', {
    signal,
    query: {
      actorId: f.actorId, action: f.action, from: f.from, to: f.to,
      success: f.success === undefined ? undefined : String(f.success), cursor, limit: 50,
    },
  });

export const verifyAudit = (signal?: AbortSignal) => api<AuditVerify>('/api/audit/verify', { signal });

/** The action prefixes offered as filters, in menu order; the label key is `audit.actions.<key>`. */
export const ACTION_FILTERS = [
  { key: 'login', prefix: 'login' },
  { key: 'logout', prefix: 'logout' },
  { key: 'readContact', prefix: 'case.read_contact' },
  { key: 'readTeamContact', prefix: 'org.read_team_contact' },
  { key: 'matter', prefix: 'matter.' },
  { key: 'account', prefix: 'account.' },
  { key: 'importGrids', prefix: 'org.import_grids' },
  { key: 'setBoundary', prefix: 'org.set_boundary' },
  { key: 'calendar', prefix: 'calendar.' },
  { key: 'audit', prefix: 'audit.' },
  { key: 'denied', prefix: 'access.denied' },
] as const;
