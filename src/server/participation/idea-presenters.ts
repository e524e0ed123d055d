// Ideas as the API shows them, with `policies`. Authors' names are masked (张*) for residents, except their own ideas;
// staff of the scope see them whole.
import type { Static } from '@sinclair/typebox';
import { maskName } from '../../domain/identity/personal-data.ts';
import { ideaActionAllowed, ideaOpenForSupport } from '../../domain/participation/ideas.ts';
import { isResident, isStaffOf, type Reader } from './scope.ts';
import type { IdeaRow, TopItemRow } from './ideas.ts';
import type * as s from './idea-schemas.ts';

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

/** Whether the caller sees authors' names whole: staff (they read ideas of their scope only). */
export const seesNames = (r: Reader) => !isResident(r.p);

export function ideaPolicies(r: Reader, i: Pick<IdeaRow, 'status' | 'org_path' | 'town_id' | 'supported_by_me'>): s.IdeaPolicy[] {
  const out: s.IdeaPolicy[] = [];
  if (isResident(r.p) && r.person && r.person.townId === i.town_id && !i.supported_by_me && ideaOpenForSupport(i.status)) out.push('support');
  if (isStaffOf(r.p, i.org_path)) {
    if (ideaActionAllowed(i.status, 'accept') || ideaActionAllowed(i.status, 'reject')) out.push('screen');
    if (ideaActionAllowed(i.status, 'answer')) out.push('respond');
  }
  return out;
}

export function presentIdea(r: Reader, i: IdeaRow): Static<typeof s.IdeaView> {
  const mine = i.submitted_by !== null && i.submitted_by === r.p.accountId;
  return {
    id: i.id, version: i.version, townId: i.town_id, orgUnitId: i.org_unit_id, orgUnitName: i.org_unit_name, title: i.title, body: i.body,
    category: i.category, authorName: seesNames(r) || mine ? i.author_name : maskName(i.author_name), mine, status: i.status,
    screenNote: i.screen_note, screenedAt: isoOrNull(i.screened_at), response: i.response, respondedAt: isoOrNull(i.responded_at),
    supportCount: i.support_count, supportedByMe: i.supported_by_me, quarter: i.quarter, createdAt: iso(i.created_at),
    policies: ideaPolicies(r, i),
  };
}

export const presentTopItem = (r: Reader, t: TopItemRow): Static<typeof s.TopItem> =>
  ({ ...t, authorName: seesNames(r) ? t.authorName : maskName(t.authorName) });
