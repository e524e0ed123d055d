// The command center's duty roster (值班表), a week at a time; the types are the server's schemas.
import type { Static } from '@sinclair/typebox';
import { api } from '../../lib/api.ts';
import type * as s from '../../../server/org/roster-schemas.ts';

export type Roster = Static<typeof s.Roster>;
export type RosterInput = Static<typeof s.RosterBody>;
export type DutyShift = Roster['shifts'][number]['code'];

export const fetchRoster = (q: { orgUnitId?: string; week?: string }, signal?: AbortSignal) =>
  api<Roster>('/api/duty-roster', { query: q, signal });

export const saveRoster = (orgUnitId: string, week: string, body: RosterInput) =>
  api<Roster>('/api/duty-roster', { method: 'PUT', query: { orgUnitId, week }, body });
