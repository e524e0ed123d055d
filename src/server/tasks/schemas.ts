import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import { TASK_KINDS, TASK_LIMITS as L, TASK_STATUSES, TASK_SUBJECT_KINDS, VISIT_SUBJECT_KINDS } from '../../shared/tasks.ts';

/*
 * Tasks, visits, campaigns and progress (issue 12): TypeBox request and response schemas of /api/tasks,
 * /api/task-campaigns and /api/visits. The phone app and the oversight pages take their types from here (type-only
 * imports). Changes stay additive: clients and scripts call these routes. Days are YYYY-MM-DD in Asia/Shanghai.
 */

const Id = Type.String({ minLength: 1, maxLength: 64 });
export const TaskIdParams = Type.Object({ id: Id });
export const VisitIdParams = Type.Object({ id: Id });

const LocalDate = (description: string) =>
  Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', description });
const Time = Type.String({ description: 'ISO 8601 with zone' });
const Hash = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'a file hash from POST /api/files' });
const PhotoHashes = Type.Array(Hash, { maxItems: L.photos, description: 'hashes from POST /api/files; an unknown one is 422 PHOTO_UNKNOWN' });
const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: L.maxPageSize, default: L.pageSize })),
};
const Page = <T extends TSchema>(item: T, policies: TSchema) => Type.Object({
  items: Type.Array(item),
  total: Type.Integer({ description: 'every record the filters match' }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  policies,
});
const Point = Type.Object({ lng: Type.Number(), lat: Type.Number() }, { description: 'WGS84' });

/** A stored photo: its hash and signed addresses to show it. */
export const PhotoView = Type.Object({ hash: Type.String(), url: Type.String(), thumbUrl: Type.String() });
export const Person = Type.Object({ id: Type.String(), name: Type.String() });

// ---------------------------------------------------------------------------------------------------------------------
// Tasks

/**
 * What the caller may do with a task now: complete (tick it off: its assignee while it is open), visit (record a
 * visit to its subject: a resident, household or place the caller reaches), openFile (its household file exists and
 * the caller reads the registry).
 */
export const TASK_POLICIES = ['complete', 'visit', 'openFile'] as const;

export const SubjectTag = Type.Object({
  code: Type.String(), name: Type.String(), nameEn: Type.String(),
  sensitive: Type.Boolean({ description: 'shown only to REGISTRY_CARERS' }),
});

export const TaskSubject = Type.Object({
  kind: lit(TASK_SUBJECT_KINDS),
  id: Type.String(),
  name: Type.String({ description: 'the person, household (its address), building, place, thing, case number or grid' }),
  address: Nullable(Type.String({ description: 'where to go: the household\'s or building\'s address, the place\'s' })),
  householdId: Nullable(Type.String({ description: 'the household file to open (a resident\'s household, the household itself)' })),
  tags: Type.Array(SubjectTag, { description: 'a resident\'s tags (a household\'s: its members\' tags, once each) the caller may see' }),
  hiddenTags: Type.Integer({ description: 'sensitive tags left out for this caller' }),
  lastVisitedOn: Nullable(LocalDate('the last visit to the resident, household or place')),
});

export const TaskView = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  kind: lit(TASK_KINDS),
  dutyCode: Nullable(Type.String({ description: 'the standing duty (D1…D7) that generated it; null for an ad hoc task' })),
  title: Type.String(),
  detail: Nullable(Type.String()),
  status: lit(TASK_STATUSES),
  startsOn: LocalDate('the first day on the list'),
  dueOn: LocalDate('the deadline'),
  overdue: Type.Boolean({ description: 'open and past its due day (Asia/Shanghai)' }),
  gridId: Type.String(),
  gridName: Type.String(),
  assignee: Nullable(Person),
  subject: Nullable(TaskSubject),
  location: Nullable(Point),
  campaign: Nullable(Type.Object({
    id: Type.String(), title: Type.String(), content: Type.String(), material: Type.Array(PhotoView),
  }, { description: 'a campaign task: what to publicise, with its material' })),
  done: Nullable(Type.Object({
    at: Time, by: Person, note: Nullable(Type.String()), photos: Type.Array(PhotoView), visitId: Nullable(Type.String()),
  })),
  createdBy: Nullable(Type.String({ description: 'the name of who assigned an ad hoc task; null for a generated one' })),
  createdAt: Time,
  policies: Type.Array(lit(TASK_POLICIES)),
});

export const TaskListQuery = Type.Object({
  assignee: Type.Optional(Type.Literal('me', { description: 'me: the caller\'s list for `date`, in walking order' })),
  date: Type.Optional(Type.Union([Type.Literal('today'), LocalDate('a day')], { description: 'with assignee=me: the day (default today)' })),
  lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180, description: 'with assignee=me: where the worker stands (the walk starts here; else at the grid\'s centre)' })),
  lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
  orgUnitId: Type.Optional(Type.String({ maxLength: 64, description: 'oversight: tasks in this unit and below, inside the caller\'s scope (404 outside)' })),
  status: Type.Optional(lit(TASK_STATUSES)),
  overdue: Type.Optional(Type.Boolean({ description: 'true: open tasks past their due day only' })),
  kind: Type.Optional(lit(TASK_KINDS)),
  assigneeId: Type.Optional(Type.String({ maxLength: 64 })),
  campaignId: Type.Optional(Type.String({ maxLength: 64 })),
  from: Type.Optional(LocalDate('oversight: due on or after')),
  to: Type.Optional(LocalDate('oversight: due on or before')),
  ...Paging,
}, { additionalProperties: false });

/**
 * One answer for both uses of GET /api/tasks. mine (assignee=me): every open task starting on or before the day
 * (overdue ones flagged), in walking order from `origin`, then the tasks done that day (newest first); total is the
 * number of items, one page. oversight: the tasks matching the filters, overdue first then by due day, paged.
 */
export const TaskList = Type.Object({
  mode: lit(['mine', 'oversight'] as const),
  date: LocalDate('the day the list is for (mine) or today (oversight)'),
  origin: Nullable(Type.Object({
    lng: Type.Number(), lat: Type.Number(), from: lit(['worker', 'grid'] as const),
  }, { description: 'mine: where the walk starts (the position sent, else the grid\'s centre); null when unknown' })),
  walkMeters: Nullable(Type.Integer({ description: 'mine: the length of the walk through the open tasks with a place, straight lines' })),
  counts: Type.Object({
    open: Type.Integer(), overdue: Type.Integer(), doneToday: Type.Integer(),
  }, { description: 'mine: of the list; oversight: of the matches (doneToday: done on `date`)' }),
  items: Type.Array(TaskView),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  policies: Type.Array(lit(['create', 'createCampaign'] as const), { description: 'create: may assign ad hoc tasks; createCampaign: may push campaigns' }),
});

export const CompleteBody = Type.Object({
  note: Type.Optional(Type.String({ maxLength: L.text })),
  photos: Type.Optional(PhotoHashes),
  visitId: Type.Optional(Type.String({ maxLength: 64, description: 'the caller\'s visit that did it' })),
  at: Type.Optional(Type.String({ format: 'date-time', description: 'when it was ticked on the phone (sent later from offline): counts for the deadline; not in the future beyond a few minutes (422 TASK_INVALID); default now' })),
  expectedAssigneeId: Type.Optional(Type.String({
    maxLength: 64,
    description: 'whom the phone saw holding the task when it was ticked (offline): another holder now is 409 TASK_CONFLICT',
  })),
}, { additionalProperties: false });

/** details of 409 TASK_CONFLICT: what became of the task meanwhile, so the phone shows it instead of dropping the tick. */
export const TaskConflictDetails = Type.Object({
  taskId: Type.String(),
  status: lit(TASK_STATUSES),
  reason: lit(['reassigned', 'cancelled', 'doneByOther'] as const),
  assignee: Nullable(Person),
  doneBy: Nullable(Person),
  doneAt: Nullable(Time),
});

export const TaskSubjectInput = Type.Object({
  kind: lit(TASK_SUBJECT_KINDS.filter((k) => k !== 'grid' && k !== 'case' && k !== 'device')),
  id: Id,
}, { additionalProperties: false, description: 'a registry record of the grid the task is about' });

export const AdHocTaskBody = Type.Object({
  orgUnitId: Type.String({ minLength: 1, maxLength: 64, description: 'the grid (in the caller\'s scope)' }),
  title: Type.String({ minLength: 1, maxLength: L.title }),
  detail: Type.Optional(Type.String({ maxLength: L.text })),
  assigneeId: Type.Optional(Type.String({ maxLength: 64, description: 'a worker of that grid (422 TASK_INVALID otherwise); default: the grid\'s first present full-time worker' })),
  startsOn: Type.Optional(LocalDate('default today')),
  dueOn: LocalDate('not before startsOn, nor before today'),
  subject: Type.Optional(TaskSubjectInput),
}, { additionalProperties: false });

// ---------------------------------------------------------------------------------------------------------------------
// Campaigns

export const CAMPAIGN_POLICIES = ['viewTasks'] as const;

export const CampaignBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: L.title }),
  content: Type.String({ minLength: 1, maxLength: L.text }),
  material: Type.Array(Hash, { maxItems: L.photos, description: 'file hashes (images) from POST /api/files' }),
  gridIds: Type.Array(Id, { minItems: 1, maxItems: L.campaignGrids, description: 'grids in the caller\'s scope; one task each' }),
  startsOn: LocalDate('the first day on the lists'),
  dueOn: LocalDate('not before startsOn'),
}, { additionalProperties: false });

export const CampaignView = Type.Object({
  id: Type.String(),
  townId: Type.String(),
  title: Type.String(),
  content: Type.String(),
  material: Type.Array(PhotoView),
  grids: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  startsOn: LocalDate('first day'),
  dueOn: LocalDate('deadline'),
  createdBy: Type.String({ description: 'name' }),
  createdAt: Time,
  total: Type.Integer({ description: 'its tasks (in the caller\'s scope), cancelled ones left out' }),
  done: Type.Integer(),
  overdue: Type.Integer({ description: 'open past the due day' }),
  policies: Type.Array(lit(CAMPAIGN_POLICIES)),
});

export const CampaignListQuery = Type.Object({
  orgUnitId: Type.Optional(Type.String({ maxLength: 64, description: 'campaigns with a grid in this unit (inside the caller\'s scope)' })),
  ...Paging,
}, { additionalProperties: false });

export const CampaignList = Page(CampaignView, Type.Array(lit(['create'] as const), { description: 'create: may push campaigns' }));

// ---------------------------------------------------------------------------------------------------------------------
// Visits

/** reportCase: the finding may become a case (the visitor or an editor, while the visit has none). */
export const VISIT_POLICIES = ['reportCase', 'openFile'] as const;

export const VisitBody = Type.Object({
  subject: Type.Object({ kind: lit(VISIT_SUBJECT_KINDS), id: Id }, { additionalProperties: false }),
  at: Type.String({ format: 'date-time', description: 'when the visit took place: may be past (sent later from offline), not future beyond a few minutes (422 VISIT_INVALID)' }),
  location: Type.Optional(Type.Object({
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    accuracy: Type.Optional(Type.Number({ minimum: 0, maximum: 100_000, description: 'metres' })),
  }, { additionalProperties: false, description: 'the phone\'s position, WGS84' })),
  findings: Type.String({ maxLength: L.findings, description: 'what was found; empty when nothing' }),
  photos: Type.Optional(PhotoHashes),
  taskId: Type.Optional(Type.String({ maxLength: 64, description: 'the task that asked for it (closed by the visit)' })),
}, { additionalProperties: false });

export const VisitView = Type.Object({
  id: Type.String(),
  subject: Type.Object({
    kind: lit(VISIT_SUBJECT_KINDS), id: Type.String(), name: Type.String(),
    householdId: Nullable(Type.String()),
    address: Nullable(Type.String()),
  }),
  gridId: Type.String(),
  gridName: Type.String(),
  visitor: Person,
  at: Time,
  location: Nullable(Type.Object({ lng: Type.Number(), lat: Type.Number(), accuracy: Nullable(Type.Number()) })),
  target: Nullable(Point),
  distanceM: Nullable(Type.Integer({ description: 'from the subject\'s building or point, rounded' })),
  far: Type.Boolean({ description: `farther than ${L.farMeters} m from the subject's building: flagged, not refused` }),
  findings: Nullable(Type.String()),
  photos: Type.Array(PhotoView),
  case: Nullable(Type.Object({ id: Type.String(), number: Type.String() })),
  taskId: Nullable(Type.String()),
  closedTaskIds: Type.Array(Type.String(), { description: 'the tasks this visit closed' }),
  createdAt: Time,
  policies: Type.Array(lit(VISIT_POLICIES)),
});

export const VisitCaseBody = Type.Object({
  categoryCode: Type.String({ minLength: 1, maxLength: 40 }),
  description: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, description: 'default: the findings' })),
}, { additionalProperties: false });

export const VisitCase = Type.Object({
  caseId: Type.String(),
  number: Type.String({ description: 'the case number people read aloud' }),
  visit: VisitView,
});

export const VisitListQuery = Type.Object({
  orgUnitId: Type.Optional(Type.String({ maxLength: 64, description: 'visits in this unit and below, inside the caller\'s scope (404 outside)' })),
  from: Type.Optional(LocalDate('on or after (Asia/Shanghai)')),
  to: Type.Optional(LocalDate('on or before')),
  visitorId: Type.Optional(Type.String({ maxLength: 64 })),
  subjectKind: Type.Optional(lit(VISIT_SUBJECT_KINDS)),
  subjectId: Type.Optional(Type.String({ maxLength: 64 })),
  far: Type.Optional(Type.Boolean({ description: 'true: only visits flagged far' })),
  ...Paging,
}, { additionalProperties: false });

export const VisitList = Page(VisitView, Type.Array(lit(['create'] as const), { description: 'create: may record visits' }));

// ---------------------------------------------------------------------------------------------------------------------
// Progress

export const ProgressQuery = Type.Object({
  orgUnitId: Type.Optional(Type.String({ maxLength: 64, description: 'default: the caller\'s scope unit' })),
  from: Type.Optional(LocalDate('default: the first of this month')),
  to: Type.Optional(LocalDate('default: today; at most 366 days after from')),
}, { additionalProperties: false });

export const ProgressFigures = Type.Object({
  tasksDue: Type.Integer({ description: 'tasks due in the period (cancelled left out)' }),
  tasksDone: Type.Integer({ description: 'of those, done' }),
  completionRate: Nullable(Type.Number({ description: 'done ÷ due, 0…1; null when nothing was due' })),
  overdueOpen: Type.Integer({ description: 'of those, open past their due day' }),
  keyVisitsDue: Type.Integer({ description: 'key-person visit tasks due in the period' }),
  keyVisitsInTime: Type.Integer({ description: 'of those, done by their due day' }),
  attentionRate: Nullable(Type.Number({ description: 'key-population attention rate: in time ÷ due, 0…1; null when none due' })),
  activeDays: Type.Integer({ description: 'days with any activity (a task done, a visit, a report); for a unit: summed over its workers' }),
  reports: Type.Integer({ description: 'cases reported by the workers' }),
  visits: Type.Integer(),
  workers: Type.Integer({ description: 'grid workers counted (1 for a worker row)' }),
  activityRate: Nullable(Type.Number({ description: 'active days ÷ (workers × days of the period), 0…1' })),
});

export const ProgressRow = Type.Composite([Type.Object({
  kind: lit(['unit', 'worker'] as const),
  id: Type.String(),
  name: Type.String(),
  level: Nullable(Type.String({ description: 'the unit\'s level (community, grid …); null for a worker' })),
  gridNames: Type.Array(Type.String(), { description: 'a worker\'s grids' }),
}), ProgressFigures]);

export const Progress = Type.Object({
  unit: Type.Object({ id: Type.String(), name: Type.String(), level: Type.String() }),
  from: LocalDate('first day'),
  to: LocalDate('last day'),
  today: LocalDate('the day overdue is measured against'),
  total: ProgressFigures,
  children: Type.Array(ProgressRow, { description: 'the unit\'s children (a town: its communities; a community: its grids); empty for a grid' }),
  workers: Type.Array(ProgressRow, { description: 'every grid worker with a task, visit or report in the unit, lowest completion first' }),
});

export type TaskViewT = Static<typeof TaskView>;
export type TaskSubjectT = Static<typeof TaskSubject>;
export type TaskListT = Static<typeof TaskList>;
export type TaskListQueryT = Static<typeof TaskListQuery>;
export type CompleteBodyT = Static<typeof CompleteBody>;
export type TaskConflictDetailsT = Static<typeof TaskConflictDetails>;
export type AdHocTaskBodyT = Static<typeof AdHocTaskBody>;
export type CampaignBodyT = Static<typeof CampaignBody>;
export type CampaignViewT = Static<typeof CampaignView>;
export type CampaignListT = Static<typeof CampaignList>;
export type CampaignListQueryT = Static<typeof CampaignListQuery>;
export type VisitBodyT = Static<typeof VisitBody>;
export type VisitViewT = Static<typeof VisitView>;
export type VisitCaseBodyT = Static<typeof VisitCaseBody>;
export type VisitCaseT = Static<typeof VisitCase>;
export type VisitListQueryT = Static<typeof VisitListQuery>;
export type VisitListT = Static<typeof VisitList>;
export type ProgressQueryT = Static<typeof ProgressQuery>;
export type ProgressT = Static<typeof Progress>;
export type ProgressRowT = Static<typeof ProgressRow>;
export type ProgressFiguresT = Static<typeof ProgressFigures>;
export type PhotoViewT = Static<typeof PhotoView>;
