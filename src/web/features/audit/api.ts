// Audit log calls (auditor and admin): search newest first with cursor paging, and verify the keyed chain and its anchors.
import { api } from '../../lib/api.ts';

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  ip: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  success: boolean;
  detail: unknown;
  hash: string;
}

export interface AuditFilter {
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
  success?: boolean;
}

export interface AuditPage { items: AuditEntry[]; nextCursor: string | null }
export interface AuditVerify {
  ok: boolean;
  checked: number;
  /** rows from before the chain was keyed (plain SHA-256) */
  unkeyed: number;
  brokenAt: { id: number; reason: 'hash' | 'link' | 'unkeyed' } | null;
  /** the checkpoints of the log's head kept outside the database */
  anchors: {
    checked: number;
    pruned: number;
    latestAt: string | null;
    brokenAt: { line: number; id: number | null; reason: 'unreadable' | 'signature' | 'rewritten' | 'truncated' | 'deleted' } | null;
  };
}

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
  { key: 'calendar', prefix: 'calendar.' },
  { key: 'audit', prefix: 'audit.' },
  { key: 'denied', prefix: 'access.denied' },
] as const;
