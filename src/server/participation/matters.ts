// 三事分流: the commands on residents' matters. A matter is entered (by the resident, or by staff for one), the system
// suggests its class (H1's rules), staff class it — 公事 becomes a case in the loop, 共事 a proposal on a council, 家事
// a help request — and may class it again with a reason while the earlier path's artefact is still open. Every change
// writes its resident_matter_events row and an audit row in the same transaction.
import type { FastifyInstance } from 'fastify';
import type { Db, Tx } from '../platform/db/db.ts';
import { AppError } from '../platform/errors.ts';
import type { Principal } from '../platform/auth.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import type { CouncilLevel, MatterClass, MatterSource } from '../../shared/participation.ts';
import type { CaseSource } from '../../shared/cases.ts';
import { classChangeRefusal, suggestMatterClass } from '../../domain/participation/classing.ts';
import { reportCase, type IntakeServices } from '../cases/report-case.ts';
import { gridCentre } from '../tasks/route-helpers.ts';
import { personOfResident, requirePersonOfAccount, type RegistryPerson } from './person.ts';
import { councilOfUnit, parentCouncil } from './councils.ts';
import { createProposalIn, lockProposal, proposalEvent } from './proposals.ts';
import { cancelHelp, lockHelp, openHelpRequest } from './help.ts';
import { isResident, isStaffOf, isParticipationStaff, type Actor } from './scope.ts';

export interface MatterRow {
  id: string; town_id: string; grid_id: string; org_path: string; title: string; description: string;
  lng: number | null; lat: number | null; address: string | null; source: MatterSource; submitted_by: string | null;
  resident_id: string | null; suggested_class: MatterClass; suggestion_reasons: string[]; class: MatterClass | null;
  class_reason: string | null; classed_by: string | null; classed_at: Date | null; status: 'new' | 'routed' | 'closed';
  case_id: string | null; proposal_id: string | null; help_request_id: string | null; version: number;
  created_at: Date; updated_at: Date;
}

export const MATTER_COLUMNS = `m.id, m.town_id, m.grid_id, m.org_path, m.title, m.description, m.lng, m.lat, m.address, m.source,
  m.submitted_by, m.resident_id, m.suggested_class, m.suggestion_reasons, m.class, m.class_reason, m.classed_by, m.classed_at,
  m.status, m.case_id, m.proposal_id, m.help_request_id, m.version, m.created_at, m.updated_at`;

export const matterNotFound = () => new AppError('NOT_FOUND', 'No such matter.', '没有这个事项。');
export const participationInvalid = (en: string, zh: string, details?: unknown) => new AppError('PARTICIPATION_INVALID', en, zh, details);
const matterConflict = (en: string, zh: string, details?: unknown) => new AppError('MATTER_STATE_CONFLICT', en, zh, details);

async function audit(tx: Tx, who: Actor, action: 'participation.matter.submit' | 'participation.matter.class' | 'participation.matter.reclass', id: string, detail?: unknown): Promise<void> {
  await appendAudit(tx, {
    at: who.at, actorId: who.accountId, actorName: who.name, ip: who.ip, action,
    targetType: 'resident_matter', targetId: id, success: true, detail,
  });
}

async function matterEvent(
  tx: Tx, id: string, action: string, e: { from?: MatterClass | null; to?: MatterClass | null; reason?: string | null; detail?: object }, who: Actor,
): Promise<void> {
  await tx.query(
    `insert into resident_matter_events (matter_id, action, from_class, to_class, reason, detail, at, by_account, request_key)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [id, action, e.from ?? null, e.to ?? null, e.reason ?? null, JSON.stringify(e.detail ?? {}), who.at, who.accountId, who.requestKey ?? null]);
}

export interface NewMatterInput {
  title: string;
  description: string;
  location?: { lng: number; lat: number } | null;
  address?: string | null;
  source?: MatterSource;
  residentId?: string | null;
}

/**
 * Enters a matter: a resident's own (about their registry person, in their grid; 422 PERSON_NOT_IN_REGISTRY when their
 * phone is in no registry entry), or staff's for a registry person of their scope (residentId) or, without one, at a
 * point of their scope (location required; `locatedGridId` is the grid the caller located it in, outside the
 * transaction). The suggested class and its reasons are stored with it.
 */
export async function submitMatter(
  tx: Tx, pii: PiiCipher, locatedGridId: string | null, p: Principal, input: NewMatterInput,
  who: Actor, idempotencyKey: string | null,
): Promise<{ id: string; created: boolean }> {
  if (idempotencyKey) {
    const first = await tx.query<{ id: string }>('select id from resident_matters where idempotency_key = $1', [idempotencyKey]);
    if (first.rows[0]) return { id: first.rows[0].id, created: false };
  }
  let person: RegistryPerson | null = null;
  let gridId: string | null = null;
  let source: MatterSource;
  if (isResident(p) && !isParticipationStaff(p)) {
    if (input.residentId) throw participationInvalid('A resident enters their own matters only.', '居民只能提交自己的事项。', { field: 'residentId' });
    person = await requirePersonOfAccount(tx, pii, p.accountId);
    gridId = person.gridId;
    source = 'resident';
  } else {
    source = input.source ?? (p.roles.includes('gridWorker') ? 'gridWorker' : 'visit');
    if (source === 'resident') source = 'visit';
    if (input.residentId) {
      person = await personOfResident(tx, input.residentId);
      if (!person || !p.scopePath || !person.orgPath.startsWith(p.scopePath)) {
        throw participationInvalid('No registry person of your scope with this id.', '您的数据范围内没有这位居民。', { field: 'residentId' });
      }
      gridId = person.gridId;
    } else if (input.location) {
      gridId = locatedGridId;
    } else {
      throw participationInvalid('Name the resident or the place.', '请选择居民或在地图上标出位置。', { field: 'location' });
    }
  }
  const grid = gridId
    ? (await tx.query<{ id: string; path: string; town_id: string | null }>(
      `select g.id, g.path, (select t.id from org_units t where t.level = 'town' and g.path like t.path || '%' limit 1) as town_id
         from org_units g where g.id = $1`, [gridId])).rows[0]
    : undefined;
  if (!grid || !grid.town_id) throw new AppError('LOCATION_OUTSIDE_GRIDS', 'The point lies in no grid.', '该位置不在任何网格内。');
  if (!person && (!p.scopePath || !grid.path.startsWith(p.scopePath))) {
    throw participationInvalid('The point lies outside your scope.', '该位置不在您的管辖范围内。', { field: 'location' });
  }
  const suggestion = suggestMatterClass({ title: input.title, description: input.description });
  const ins = await tx.query<{ id: string }>(
    `insert into resident_matters (town_id, grid_id, org_path, title, description, lng, lat, address, source, submitted_by,
                                   resident_id, suggested_class, suggestion_reasons, idempotency_key, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)
     on conflict (idempotency_key) do nothing returning id`,
    [grid.town_id, grid.id, grid.path, input.title.trim(), input.description.trim(), input.location?.lng ?? null,
      input.location?.lat ?? null, input.address?.trim() || null, source, p.accountId, person?.residentId ?? null,
      suggestion.class, JSON.stringify(suggestion.reasons), idempotencyKey, who.at]);
  if (!ins.rows[0]) {
    const first = await tx.query<{ id: string }>('select id from resident_matters where idempotency_key = $1', [idempotencyKey]);
    return { id: first.rows[0]!.id, created: false };
  }
  const id = ins.rows[0].id;
  await matterEvent(tx, id, 'submit', { to: null, detail: { suggestedClass: suggestion.class, source } }, who);
  await audit(tx, who, 'participation.matter.submit', id, { source, suggestedClass: suggestion.class });
  return { id, created: true };
}

export async function lockMatter(tx: Tx, id: string): Promise<MatterRow> {
  const r = await tx.query<MatterRow>(`select ${MATTER_COLUMNS} from resident_matters m where m.id = $1 for update`, [id]);
  if (!r.rows[0]) throw matterNotFound();
  return r.rows[0];
}

export interface ClassInput {
  class: MatterClass;
  reason?: string | null;
  categoryCode?: string | null;
  councilLevel?: CouncilLevel;
}

/** The case category a public matter goes in when staff name none: by the words of the matter, else 422. */
const CATEGORY_BY_WORD: [string, string][] = [
  ['井盖', 'C0101'], ['下水道', 'C0102'], ['污水', 'C0102'], ['外墙', 'C0501'], ['瓷砖', 'C0501'], ['堡坎', 'C0502'], ['挡墙', 'C0502'],
  ['垃圾', 'E0101'], ['油烟', 'E0102'], ['小广告', 'E0201'], ['施工', 'E0301'], ['噪音', 'E0301'], ['占道', 'E0401'],
  ['消防', 'E0402'], ['违建', 'E0403'], ['违章搭建', 'E0403'], ['私搭乱建', 'E0403'], ['充电', 'E0404'], ['积水', 'E0501'],
  ['路灯', 'C0201'], ['道路', 'E0501'],
];
export function categoryOf(m: { title: string; description: string }): string | null {
  const text = `${m.title}\n${m.description}`;
  return CATEGORY_BY_WORD.find(([w]) => text.includes(w))?.[1] ?? null;
}

/** Who may class this matter: PARTICIPATION_STAFF whose scope holds its grid. */
function requireClasser(p: Principal, m: MatterRow): void {
  if (!isStaffOf(p, m.org_path)) throw matterNotFound();
}

const replayed = async (tx: Tx, id: string, who: Actor): Promise<boolean> => {
  if (!who.requestKey) return false;
  const r = await tx.query('select 1 from resident_matter_events where matter_id = $1 and request_key = $2', [id, who.requestKey]);
  return r.rows.length > 0;
};

/** Checks a class or reclass may go ahead (no writes); answers whether it is a repeat of a request already done. */
async function checkClassing(tx: Tx, p: Principal, m: MatterRow, c: ClassInput, reclass: boolean, who: Actor): Promise<'repeat' | 'go'> {
  requireClasser(p, m);
  if (await replayed(tx, m.id, who)) return 'repeat';
  if (!reclass && m.status !== 'new') {
    throw matterConflict('The matter is classed already: class it again with a reason (reclass).', '该事项已分流，如需改类请填写理由后改类。', { status: m.status });
  }
  if (reclass) {
    if (m.status === 'new' || m.class === null) throw matterConflict('The matter is not classed yet.', '该事项尚未分流。', { status: m.status });
    if (m.status === 'closed') throw matterConflict('The matter is closed.', '该事项已办结，不能改类。', { status: m.status });
    if (m.class === c.class) throw participationInvalid('The matter is in this class already.', '该事项已是这一类。', { field: 'class' });
    if (m.class === 'public') {
      throw matterConflict('The matter became a case in the loop: it cannot leave it; handle it there.', '该事项已转为事件进入办理流程，不能再改类。', { caseId: m.case_id });
    }
    if (m.class === 'shared' && m.proposal_id) {
      const pr = await tx.query<{ status: string }>('select status from proposals where id = $1', [m.proposal_id]);
      if (pr.rows[0]?.status !== 'open') {
        throw matterConflict('Its proposal is past open (scheduled or decided): it cannot be classed again.', '议题已进入议事或已决定，不能再改类。', { proposalStatus: pr.rows[0]?.status });
      }
    }
    if (m.class === 'private' && m.help_request_id) {
      const h = await tx.query<{ status: string }>('select status from help_requests where id = $1', [m.help_request_id]);
      if (h.rows[0]?.status !== 'open') {
        throw matterConflict('Its help request was taken already: it cannot be classed again.', '互助请求已被接单，不能再改类。', { helpStatus: h.rows[0]?.status });
      }
    }
  }
  const refusal = classChangeRefusal(m.suggested_class, c.class, c.reason, { reclass });
  if (refusal) {
    throw new AppError('MATTER_CLASS_REASON_REQUIRED', 'A reason is needed for this class.', refusal, { suggestedClass: m.suggested_class });
  }
  if (c.class === 'public' && !(c.categoryCode ?? categoryOf(m))) {
    throw participationInvalid('Choose the case category.', '请选择事件类别。', { field: 'categoryCode' });
  }
  return 'go';
}

/** The council a shared matter goes to: its grid's, or the community's or town's above it. */
async function councilFor(tx: Tx, m: MatterRow, level: CouncilLevel, at: Date) {
  let council = await councilOfUnit(tx, m.grid_id, at);
  while (council.level !== level) {
    const up = await parentCouncil(tx, council, at);
    if (!up) break;
    council = up;
  }
  return council;
}

export interface ClassServices extends IntakeServices {
  db: Db;
}

/**
 * Classes (or reclasses) a matter and sends it down its path. A public matter's case is made by the loop's intake (its
 * own statement, keyed by the matter: a retry answers the same case); the matter's change, the proposal or help request,
 * the closing of the earlier path's artefact (a reclass: an open proposal rejected, an open help request cancelled with
 * the reason), the events and the audit rows are one transaction.
 */
export async function classMatter(
  s: ClassServices, p: Principal, id: string, c: ClassInput, who: Actor, opts: { reclass: boolean },
): Promise<void> {
  const m0 = await s.db.transaction(async (tx) => {
    const m = await lockMatter(tx, id);
    return { m, go: await checkClassing(tx, p, m, c, opts.reclass, who) };
  });
  if (m0.go === 'repeat') return;
  let caseId: string | null = null;
  if (c.class === 'public') {
    const m = m0.m;
    const location = m.lng !== null && m.lat !== null ? { lng: m.lng, lat: m.lat } : await gridCentre(s.db, m.grid_id);
    if (!location) throw participationInvalid('The matter has no place and its grid no map: it cannot become a case.', '该事项没有位置，无法转为事件。');
    const submitter = m.submitted_by
      ? (await s.db.query<{ kind: string; name: string }>('select kind, name from accounts where id = $1', [m.submitted_by])).rows[0]
      : undefined;
    const fromResident = submitter?.kind === 'resident';
    const resident = m.resident_id ? await personOfResident(s.db, m.resident_id) : null;
    const source: CaseSource = m.source === 'resident' ? 'resident' : m.source === 'gridWorker' ? 'gridWorker'
      : m.source === 'hotline' ? 'hotline' : 'visit';
    const r = await reportCase(s.db, s, {
      categoryCode: (c.categoryCode ?? categoryOf(m))!, description: `${m.title}：${m.description}`, location,
      address: m.address ?? undefined, source,
      reporter: fromResident
        ? { kind: 'resident', accountId: m.submitted_by, name: resident?.name ?? submitter?.name ?? null, phone: null }
        : { kind: source === 'hotline' ? 'caller' : source === 'gridWorker' ? 'gridWorker' : 'staff', accountId: null, name: resident?.name ?? null, phone: null },
      actorName: who.name, actorId: who.accountId, idempotencyKey: `participation-matter:${m.id}`,
    }, who.at);
    caseId = r.caseId;
  }
  await s.db.transaction(async (tx) => {
    const m = await lockMatter(tx, id);
    if (await checkClassing(tx, p, m, c, opts.reclass, who) === 'repeat') return;
    const reason = c.reason?.trim() || null;
    // a reclass closes the earlier path's artefact
    if (opts.reclass && m.class === 'shared' && m.proposal_id) {
      const pr = await lockProposal(tx, m.proposal_id);
      if (pr.status === 'open') {
        await tx.query(`update proposals set status = 'rejected', updated_at = $2, version = version + 1 where id = $1`, [pr.id, who.at]);
        await proposalEvent(tx, pr.id, 'reject', `三事分流改类：${reason}`, { reclass: true, matterId: m.id }, { ...who, requestKey: null });
        await appendAudit(tx, { at: who.at, actorId: who.accountId, actorName: who.name, ip: who.ip, action: 'participation.proposal.reject', targetType: 'proposal', targetId: pr.id, success: true, detail: { reclass: true, matterId: m.id } });
      }
    }
    if (opts.reclass && m.class === 'private' && m.help_request_id) {
      const h = await lockHelp(tx, m.help_request_id);
      if (h.status === 'open') await cancelHelp(tx, h, `三事分流改类：${reason}`, who);
    }
    const links = { case_id: null as string | null, proposal_id: null as string | null, help_request_id: null as string | null };
    let detail: Record<string, unknown> = {};
    if (c.class === 'public') {
      links.case_id = caseId;
      detail = { caseId, categoryCode: c.categoryCode ?? categoryOf(m) };
    } else if (c.class === 'shared') {
      const council = await councilFor(tx, m, c.councilLevel ?? 'grid', who.at);
      const resident = m.resident_id ? await personOfResident(tx, m.resident_id) : null;
      const submitter = m.submitted_by
        ? (await tx.query<{ kind: string; name: string }>('select kind, name from accounts where id = $1', [m.submitted_by])).rows[0]
        : undefined;
      const made = await createProposalIn(tx, {
        councilId: council.id, title: m.title, body: m.description,
        proposerAccountId: submitter?.kind === 'resident' ? m.submitted_by : null,
        proposerName: resident?.name ?? submitter?.name ?? '居民', matterId: m.id, who: { ...who, requestKey: null },
      });
      links.proposal_id = made.id;
      detail = { proposalId: made.id, councilId: council.id };
    } else {
      const made = await openHelpRequest(tx, {
        gridId: m.grid_id, title: m.title, description: m.description, requesterId: m.resident_id, matterId: m.id, who,
      });
      links.help_request_id = made.id;
      detail = { helpRequestId: made.id };
    }
    await tx.query(
      `update resident_matters set class = $2, class_reason = $3, classed_by = $4, classed_at = $5, status = 'routed',
              case_id = coalesce($6, case_id), proposal_id = coalesce($7, proposal_id),
              help_request_id = coalesce($8, help_request_id), updated_at = $5, version = version + 1
        where id = $1`,
      [m.id, c.class, reason, who.accountId, who.at, links.case_id, links.proposal_id, links.help_request_id]);
    const action = opts.reclass ? 'reclass' : 'class';
    await matterEvent(tx, m.id, action, { from: m.class, to: c.class, reason, detail }, who);
    await audit(tx, who, opts.reclass ? 'participation.matter.reclass' : 'participation.matter.class', m.id, { from: m.class, to: c.class, suggested: m.suggested_class, ...detail });
  });
}
