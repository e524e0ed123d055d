// A grid's "1+3+N" team as its editors see it, and saving it; the types are the server's schemas.
import type { Static } from '@sinclair/typebox';
import { api } from '../../lib/api.ts';
import type * as s from '../../../server/org/team-schemas.ts';

export type TeamView = Static<typeof s.TeamView>;
export type TeamViewMember = TeamView['members'][number];
export type TeamInput = Static<typeof s.TeamBody>;
export type TeamSaved = Static<typeof s.TeamSaved>;

export const fetchTeamForEditing = (gridId: string, signal?: AbortSignal) =>
  api<TeamView>(`/api/org-units/${encodeURIComponent(gridId)}/team`, { query: { candidates: 'true' }, signal });

export const saveTeam = (gridId: string, body: TeamInput) =>
  api<TeamSaved>(`/api/org-units/${encodeURIComponent(gridId)}/team`, { method: 'PUT', body });

/** The team as the drawer shows it, with what the reader may do. */
export const fetchTeamView = (gridId: string, signal?: AbortSignal) =>
  api<TeamView>(`/api/org-units/${encodeURIComponent(gridId)}/team`, { signal });
