// The JSON of party members and 微阵地, with what the caller may do to each (policies). Residents see names masked
// (张*) but their own, and neither registry ids nor the stars' notes.
import type { Principal } from '../platform/auth.ts';
import { maskName } from '../../domain/identity/personal-data.ts';
import type { MemberRow, PostRow } from './party-store.ts';
import type { PartyMemberViewT, PartyPostViewT } from './party-schemas.ts';
import { isOrganiser, isTerritorial, organises, type PartyReader } from './party-scope.ts';
import { inOrHoldingScopeOf } from './party-rules.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

/** Commitments may be saved for last year, this year and next; stars given for this year or earlier, once there are commitments. */
export function memberPolicies(p: Principal, m: Pick<MemberRow, 'org_path' | 'commitment_id'>, year: number, thisYear: number): PartyMemberViewT['policies'] {
  if (!organises(p, m.org_path)) return [];
  const out: PartyMemberViewT['policies'] = [];
  if (year >= thisYear - 1 && year <= thisYear + 1) out.push('commit');
  if (year <= thisYear && m.commitment_id !== null) out.push('rate');
  return out;
}

export function toMemberView(rd: PartyReader, m: MemberRow, year: number, thisYear: number): PartyMemberViewT {
  const staff = isTerritorial(rd.p) && m.org_path.startsWith(rd.p.scopePath!);
  const mine = rd.residentId !== null && rd.residentId === m.id;
  return {
    residentId: staff ? m.id : null,
    name: staff || mine ? m.name : maskName(m.name),
    gridName: m.grid_name,
    communityName: m.community_name,
    year,
    postId: m.post_id,
    postName: m.post_name,
    commitments: m.commitments ?? [],
    stars: m.stars,
    starsNote: staff || mine ? m.stars_note : null,
    ratedAt: m.rated_at ? iso(m.rated_at) : null,
    mine,
    policies: memberPolicies(rd.p, m, year, thisYear),
  };
}

export function toPostView(p: Principal, r: PostRow): PartyPostViewT {
  return {
    id: r.id,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.unit_name,
    name: r.name,
    address: r.address,
    location: r.lng !== null && r.lat !== null ? { lng: Number(r.lng), lat: Number(r.lat) } : null,
    members: Number(r.members),
    createdAt: iso(r.created_at),
    policies: isOrganiser(p) && inOrHoldingScopeOf(r.org_path, p.scopePath!) ? ['assign'] : [],
  };
}
