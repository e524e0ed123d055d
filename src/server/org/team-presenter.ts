import type { Static } from '@sinclair/typebox';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import { presentTeam, presentUnit, type UnitReader } from './presenters.ts';
import type { TeamMemberRow, UnitRow } from './store.ts';
import type * as s from './team-schemas.ts';

export interface TeamViewInput {
  grid: UnitRow;
  reader: UnitReader;
  members: TeamMemberRow[];
  unmasked: boolean;
  pii: PiiCipher;
  policies: 'edit'[];
  /** for editors: open cases of the grid held by each account */
  openCases: ReadonlyMap<string, number> | null;
  candidates: readonly { id: string; name: string }[];
}

/** The grid team with phones as the reader may see them, what the reader may do, and for editors what a change would move. */
export function presentTeamView(v: TeamViewInput): Static<typeof s.TeamView> {
  return {
    grid: presentUnit(v.grid, v.reader),
    members: presentTeam(v.members, { unmasked: v.unmasked, pii: v.pii }).map((m) => ({
      ...m, openCases: v.openCases && m.accountId ? v.openCases.get(m.accountId) ?? 0 : null,
    })),
    candidates: [...v.candidates],
    policies: v.policies,
  };
}
