import type { Tx } from '../platform/db/db.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { checkPhotos } from '../cases/assignees.ts';
import { shanghaiDate, type WorkingCalendar } from '../../domain/sla/working-calendar.ts';
import { assign, gridTeamOf } from '../../domain/tasks/assignment.ts';
import { taskDays } from '../../domain/tasks/deadlines.ts';
import { standingDutiesOf } from '../../domain/tasks/standing-duties.ts';
import { loadStandingDuties } from './standing-duties-store.ts';
import type { CampaignBodyT } from './schemas.ts';
import { inTaskReach } from './task-reach.ts';
import { taskInvalid, type TaskActorCtx } from './complete-task.ts';
import { findCampaignIdByKey, insertCampaign } from './campaign-store.ts';
import * as store from './task-store.ts';
import * as team from './team-store.ts';

/**
 * A publicity campaign (政策宣传) the town pushes to chosen grids with its material: the campaign and one task per grid
 * at once, each given to a present worker of the grid as the daily generation would (which then finds them made: the
 * same dedupe key `campaign:<id>:<grid>`, the same days). One transaction with its audit entry; `key` makes a retry
 * answer the first campaign.
 */
export async function pushCampaign(tx: Tx, who: TaskActorCtx, calendar: WorkingCalendar, body: CampaignBodyT, key: string | null): Promise<string> {
  if (key !== null) {
    const first = await findCampaignIdByKey(tx, who.reach.accountId, key);
    if (first) return first;
  }
  if (body.title.trim() === '' || body.content.trim() === '') {
    throw taskInvalid('Give the campaign a title and its content.', '请填写宣传标题和内容。', { field: body.title.trim() === '' ? 'title' : 'content' });
  }
  const today = shanghaiDate(who.now);
  if (body.dueOn < body.startsOn || body.dueOn < today) {
    throw taskInvalid('The due day must be today or later, and not before the first day.', '截止日期不能早于今天或开始日期。', { field: 'dueOn' });
  }
  const gridIds = [...new Set(body.gridIds)];
  const grids = [];
  for (const id of gridIds) {
    const g = await team.findGrid(tx, id);
    if (!g || !inTaskReach(who.reach, { grid_id: g.id, org_path: g.path })) throw notFound('grid');
    grids.push(g);
  }
  const townId = grids[0]!.town_id;
  if (grids.some((g) => g.town_id !== townId)) {
    throw taskInvalid('A campaign goes to the grids of one town.', '一次宣传只能推送到同一镇街的网格。', { field: 'gridIds' });
  }
  await checkPhotos(tx, body.material);
  const id = await insertCampaign(tx, {
    town_id: townId, title: body.title.trim(), content: body.content.trim(), material: body.material, grid_ids: gridIds,
    starts_on: body.startsOn, due_on: body.dueOn, created_by: who.reach.accountId, created_by_name: who.reach.name, request_key: key, created_at: who.now,
  });
  if (id === null) throw new AppError('CONFLICT', 'The same request is being handled already: try again.', '相同的请求正在处理中，请稍后重试。');
  const duty = standingDutiesOf(await loadStandingDuties(tx, townId)).find((d) => d.kind === 'campaign');
  const { startsOn } = taskDays(body.startsOn, today, 0, calendar);
  const dueOn = body.dueOn < startsOn ? startsOn : body.dueOn;
  for (const g of grids) {
    const crew = gridTeamOf(await team.gridTeamMembers(tx, g.id));
    const ids = [...crew.workers.map((w) => w.accountId), ...(crew.leader ? [crew.leader.accountId] : [])];
    const a = assign({ stickKey: `campaign:${id}`, startsOn }, crew, await team.absencesOn(tx, ids, startsOn), await team.openLoads(tx, g.id));
    await store.insertTask(tx, {
      town_id: townId, grid_id: g.id, org_path: g.path, kind: 'campaign', duty_code: duty?.code ?? null, subject_kind: 'grid', subject_id: g.id,
      title: `宣传：${body.title.trim()}`, detail: null, campaign_id: id, assignee_id: a.assigneeId, assignee_name: a.assigneeName, lng: null, lat: null,
      starts_on: startsOn, due_on: dueOn, dedupe_key: `campaign:${id}:${g.id}`, created_by: who.reach.accountId, created_by_name: who.reach.name,
      created_at: who.now,
    });
  }
  await appendAudit(tx, {
    at: who.now, actorId: who.reach.accountId, actorName: who.reach.name, ip: who.ip, action: 'campaign.create', targetType: 'task_campaign', targetId: id,
    success: true, detail: { title: body.title.trim(), grids: gridIds.length, startsOn: body.startsOn, dueOn: body.dueOn, material: body.material.length },
  });
  return id;
}
