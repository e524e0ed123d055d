import type { FileUrlSigner } from '../files/file-urls.ts';
import type { TagRow } from '../registry/tags-store.ts';
import { taskPolicies } from '../../domain/tasks/task-policies.ts';
import type { CampaignViewT, PhotoViewT, TaskSubjectT, TaskViewT, VisitViewT } from './schemas.ts';
import { doerOfGrid, inTaskReach, type TaskReach } from './task-reach.ts';
import type { TaskRow } from './task-store.ts';
import { subjectKey, type SubjectRow } from './subjects-store.ts';
import type { CampaignRow } from './campaign-store.ts';
import type { VisitRow } from './visit-store.ts';

/* The only place that shapes the JSON of tasks, visits and campaigns, each with the caller's `policies`. */

export interface PresentContext {
  reach: TaskReach;
  urls: FileUrlSigner;
  now: Date;
  /** today, Asia/Shanghai (overdue is measured against it) */
  today: string;
  catalog: readonly TagRow[];
  subjects: ReadonlyMap<string, SubjectRow>;
}

export const photoViews = (hashes: readonly string[] | null, urls: FileUrlSigner, now: Date): PhotoViewT[] =>
  (hashes ?? []).map((hash) => ({ hash, url: urls.url(hash, 'full', now), thumbUrl: urls.url(hash, 'thumb', now) }));

/** The subject's tags the caller may see (sensitive ones for carers only), by name; how many were left out. */
function tagsOf(codes: readonly string[], ctx: PresentContext): Pick<TaskSubjectT, 'tags' | 'hiddenTags'> {
  const tags: TaskSubjectT['tags'] = [];
  let hidden = 0;
  for (const code of codes) {
    const t = ctx.catalog.find((x) => x.code === code);
    const sensitive = t?.sensitive ?? true;
    if (sensitive && !ctx.reach.carer) { hidden++; continue; }
    tags.push({ code, name: t?.name ?? code, nameEn: t?.nameEn ?? code, sensitive });
  }
  return { tags, hiddenTags: hidden };
}

export function presentSubject(s: SubjectRow, ctx: PresentContext): TaskSubjectT {
  return {
    kind: s.kind, id: s.id, name: s.name, address: s.address, householdId: s.household_id, ...tagsOf(s.tags, ctx), lastVisitedOn: s.last_visited_on,
  };
}

export function presentTask(t: TaskRow, ctx: PresentContext): TaskViewT {
  const subject = t.subject_kind && t.subject_id ? ctx.subjects.get(subjectKey(t.subject_kind, t.subject_id)) ?? null : null;
  const actor = { accountId: ctx.reach.accountId, doerOfGrid: doerOfGrid(ctx.reach, t), registryReader: ctx.reach.registryReader && inTaskReach(ctx.reach, t) };
  return {
    id: t.id, version: t.version, kind: t.kind, dutyCode: t.duty_code, title: t.title, detail: t.detail, status: t.status,
    startsOn: t.starts_on, dueOn: t.due_on, overdue: t.status === 'open' && t.due_on < ctx.today,
    gridId: t.grid_id, gridName: t.grid_name,
    assignee: t.assignee_id ? { id: t.assignee_id, name: t.assignee_name ?? '' } : null,
    subject: subject ? presentSubject(subject, ctx) : null,
    location: t.lng !== null && t.lat !== null ? { lng: Number(t.lng), lat: Number(t.lat) }
      : subject && subject.lng !== null && subject.lat !== null ? { lng: subject.lng, lat: subject.lat } : null,
    campaign: t.campaign_id ? {
      id: t.campaign_id, title: t.campaign_title ?? '', content: t.campaign_content ?? '', material: photoViews(t.campaign_material, ctx.urls, ctx.now),
    } : null,
    done: t.status === 'done' && t.done_at ? {
      at: t.done_at.toISOString(), by: { id: t.done_by ?? '', name: t.done_by_name ?? '' }, note: t.note,
      photos: photoViews(t.photos, ctx.urls, ctx.now), visitId: t.visit_id,
    } : null,
    createdBy: t.created_by_name,
    createdAt: t.created_at.toISOString(),
    policies: taskPolicies(
      { status: t.status, assigneeId: t.assignee_id, doneById: t.done_by, completionKey: t.completion_key, subjectKind: t.subject_kind, householdId: subject?.household_id ?? null },
      actor),
  };
}

export function presentVisit(v: VisitRow, ctx: Pick<PresentContext, 'reach' | 'urls' | 'now'>): VisitViewT {
  const policies: VisitViewT['policies'] = [];
  if (v.case_id === null && (v.visitor_id === ctx.reach.accountId || (ctx.reach.doer && ctx.reach.gridIds === null))) policies.push('reportCase');
  if (v.household_id !== null && ctx.reach.registryReader) policies.push('openFile');
  return {
    id: v.id,
    subject: { kind: v.subject_kind, id: v.subject_id, name: v.subject_name, householdId: v.household_id, address: v.subject_address },
    gridId: v.grid_id, gridName: v.grid_name,
    visitor: { id: v.visitor_id, name: v.visitor_name },
    at: v.at.toISOString(),
    location: v.lng !== null && v.lat !== null ? { lng: Number(v.lng), lat: Number(v.lat), accuracy: v.accuracy_m === null ? null : Number(v.accuracy_m) } : null,
    target: v.target_lng !== null && v.target_lat !== null ? { lng: Number(v.target_lng), lat: Number(v.target_lat) } : null,
    distanceM: v.distance_m === null ? null : Math.round(Number(v.distance_m)),
    far: v.far,
    findings: v.findings,
    photos: photoViews(v.photos, ctx.urls, ctx.now),
    case: v.case_id ? { id: v.case_id, number: v.case_number ?? '' } : null,
    taskId: v.task_id,
    closedTaskIds: v.closed_task_ids ?? [],
    createdAt: v.created_at.toISOString(),
    policies,
  };
}

export function presentCampaign(c: CampaignRow, ctx: Pick<PresentContext, 'urls' | 'now'>): CampaignViewT {
  return {
    id: c.id, townId: c.town_id, title: c.title, content: c.content, material: photoViews(c.material, ctx.urls, ctx.now),
    grids: c.grids, startsOn: c.starts_on, dueOn: c.due_on, createdBy: c.created_by_name, createdAt: c.created_at.toISOString(),
    total: c.total, done: c.done, overdue: c.overdue, policies: ['viewTasks'],
  };
}
