import type { DemoUser } from './support.ts';

/**
 * What the product promises each demo account, written down by hand from README.md (the demo accounts table)
 * and DESIGN.md (roles, the case lifecycle, API conventions). Nothing here is computed from the code's scope
 * rule or read from src/server/platform/access-matrix.ts: the authorization matrix test holds the code to
 * these lists, and checks that the product's own declaration names the same callers.
 *
 *   admin ........ the whole city
 *   leader, dispatcher, handler ... the town 春晖路街道 (handler also cases assigned to its post)
 *   community .... 春晖社区
 *   gridworker ... its grid 春晖社区第1网格, and the cases it reported
 *   department ... 区城市管理局: exactly the cases that were ever assigned to it (with their history), and of the
 *                  organisation only what those cases need: the units holding them (grid and ancestors), the
 *                  teams of those grids, the boards and departments of those towns
 *   security ..... 安全管理员 of the whole city: its accounts (create, edit, roles, scope, posts, lockouts, password
 *                  resets), its own account and locate; no case, map, catalog or audit log (三员分立)
 *   auditor ...... the audit log, its own account (/api/me, sign-out, own password) and locate; nothing else
 *   resident ..... its own reports, its home town's catalog, and the public pages
 */

export type Who = 'anonymous' | DemoUser;

export const TOWN_STAFF = ['leader', 'dispatcher', 'handler'] as const satisfies readonly DemoUser[];
/** back-office staff (DESIGN.md's roles), the auditor excepted: 三员分立 keeps it to the audit log */
export const STAFF = ['admin', ...TOWN_STAFF, 'community', 'department', 'gridworker'] as const satisfies readonly DemoUser[];
export const STAFF_AND_RESIDENT = [...STAFF, 'resident'] as const satisfies readonly DemoUser[];
/** who reports problems (grid worker app, 随手拍, hotline intake); admins, leaders and departments do not */
export const REPORTERS = ['dispatcher', 'handler', 'community', 'gridworker', 'resident'] as const satisfies readonly DemoUser[];

/** who reads the registry (within their reach) and who edits it */
export const REGISTRY_READERS = ['admin', 'leader', 'dispatcher', 'community', 'gridworker'] as const satisfies readonly DemoUser[];
export const REGISTRY_EDITORS = ['admin', 'community', 'gridworker'] as const satisfies readonly DemoUser[];
/** who reads the duty catalogs: staff who work in a town, the department of the district too */
export const DUTY_READERS = ['admin', 'leader', 'dispatcher', 'handler', 'department', 'community', 'gridworker'] as const satisfies readonly DemoUser[];

/** Who may call an operation at all: anyone, any signed-in account, or these accounts (others 403, anonymous 401). */
export type Callers = 'public' | 'signed-in' | readonly DemoUser[];

export interface OperationPromise {
  callers: Callers;
  /** statuses a caller that gets in may still receive from a domain rule, a policy or a rate limit (besides 2xx) */
  refusals?: readonly number[];
}

/** Every operation of the API and who may call it. */
export const OPERATIONS: Record<string, OperationPromise> = {
  'GET /api/health': { callers: 'public' },
  // operators' metrics: no account matters; from the machine itself (as app.inject calls) with no METRICS_TOKEN set
  'GET /metrics': { callers: 'public', refusals: [401, 403] },
  'POST /api/auth/login': { callers: 'public', refusals: [429] },
  // resident self-registration: anyone; a code that was never sent is refused (422)
  'POST /api/auth/register/code': { callers: 'public', refusals: [429] },
  'POST /api/auth/register': { callers: 'public', refusals: [422, 429] },
  'GET /api/auth/register/grids': { callers: 'public', refusals: [429] },
  // the demo accounts for the sign-in page (a production server answers 404, test/api proves it)
  'GET /api/auth/demo-accounts': { callers: 'public' },
  'POST /api/auth/logout': { callers: 'signed-in' },
  'GET /api/me': { callers: 'signed-in' },
  // the password policy may refuse keeping the same password (400)
  'POST /api/auth/password': { callers: 'signed-in', refusals: [400] },

  // 三员分立: accounts are the security administrator's alone, not the system administrator's
  'GET /api/accounts': { callers: ['security'] },
  'GET /api/accounts/choices': { callers: ['security'] },
  // duplicate username 409; bad roles or two of admin/securityAdmin/auditor 422
  'POST /api/accounts': { callers: ['security'], refusals: [409, 422] },
  // one's own account 409; 三员分立 or a post the account may not hold 422
  'PATCH /api/accounts/{id}': { callers: ['security'], refusals: [409, 422] },
  'GET /api/accounts/import-template': { callers: ['security'] },
  // a file with any problem is refused whole (422)
  'POST /api/accounts/import': { callers: ['security'], refusals: [422] },
  'POST /api/accounts/{id}/reset-password': { callers: ['security'], refusals: [409] },
  // one's own account may not be disabled (409)
  'POST /api/accounts/{id}/disable': { callers: ['security'], refusals: [409] },
  'POST /api/accounts/{id}/enable': { callers: ['security'] },
  'POST /api/accounts/{id}/unlock': { callers: ['security'] },
  'GET /api/audit': { callers: ['admin', 'auditor'] },
  'GET /api/audit/verify': { callers: ['admin', 'auditor'] },

  'GET /api/org-units': { callers: STAFF },
  'GET /api/org-units/locate': { callers: 'signed-in', refusals: [422] },
  'GET /api/org-units/features': { callers: STAFF },
  'GET /api/org-units/{id}': { callers: STAFF },
  'GET /api/org-units/{id}/team': { callers: STAFF },
  'GET /api/org-units/{id}/boards': { callers: STAFF },
  'GET /api/org-units/{id}/departments': { callers: STAFF },
  'POST /api/org-units/grids/import': { callers: ['admin'], refusals: [422] },
  // a grid's team: admins and the community staff of its community; a leaving worker's cases with nobody to take them 409, bad members 422
  'PUT /api/org-units/{id}/team': { callers: ['admin', 'community'], refusals: [409, 422] },
  // a town's posts: its staff read them, the system administrator of the town changes them
  'GET /api/posts': { callers: STAFF },
  'POST /api/posts': { callers: ['admin'], refusals: [409, 422] },
  'PATCH /api/posts/{id}': { callers: ['admin'], refusals: [409, 422] },
  'PUT /api/posts/{id}/holders': { callers: ['admin'], refusals: [409, 422] },
  // the command center's duty roster: the town's staff read it, its admins and leaders draw it up
  'GET /api/duty-roster': { callers: STAFF },
  'PUT /api/duty-roster': { callers: ['admin', 'leader'], refusals: [409, 422] },
  // the org tree's administration: the system administrator, inside its scope; 409 code taken or unit in use, 422 boundary refused
  'POST /api/org-units': { callers: ['admin'], refusals: [409, 422] },
  'PATCH /api/org-units/{id}': { callers: ['admin'], refusals: [409] },
  'POST /api/org-units/{id}/retire': { callers: ['admin'], refusals: [409] },
  // a move within the town; 422 when the rules or the boundary refuse it
  'POST /api/org-units/{id}/move': { callers: ['admin'], refusals: [422] },
  'GET /api/org-units/{id}/move-targets': { callers: ['admin'] },
  'PUT /api/org-units/{id}/boundary': { callers: ['admin'], refusals: [409, 422] },
  // what a boundary change would move in the registry, before the save: the same administrators, the same scope
  'POST /api/org-units/{id}/boundary-preview': { callers: ['admin'], refusals: [422] },
  'GET /api/org-units/{id}/boundaries': { callers: ['admin'] },

  // residents read their home town's catalog to pick a category
  'GET /api/matters': { callers: STAFF_AND_RESIDENT },
  'GET /api/matters/{code}/versions': { callers: STAFF },
  'POST /api/matters': { callers: ['admin', 'leader'], refusals: [409, 422] },
  'PUT /api/matters/{code}': { callers: ['admin', 'leader'], refusals: [409, 422] },
  'POST /api/matters/{code}/retire': { callers: ['admin', 'leader'], refusals: [409, 422] },
  'GET /api/working-calendar': { callers: STAFF },
  'GET /api/working-calendar/{year}': { callers: STAFF },
  'PUT /api/working-calendar/{year}': { callers: ['admin'] },

  'POST /api/files': { callers: STAFF_AND_RESIDENT },
  'POST /api/public/files': { callers: 'public', refusals: [429] },
  'GET /api/files/{hash}': { callers: 'public' },
  'GET /api/files/{hash}/thumb': { callers: 'public' },

  'POST /api/cases': { callers: REPORTERS },
  'GET /api/cases': { callers: STAFF_AND_RESIDENT },
  'GET /api/cases/routing-preview': { callers: STAFF_AND_RESIDENT },
  'GET /api/cases/{id}': { callers: STAFF_AND_RESIDENT },
  // the lifecycle decides who takes which step: 403 wrong actor, 409 wrong state, 422 a domain rule
  'POST /api/cases/{id}/actions/{action}': { callers: STAFF_AND_RESIDENT, refusals: [403, 409, 422] },
  'GET /api/cases/figures': { callers: STAFF },
  'POST /api/public/cases': { callers: 'public', refusals: [429] },
  'GET /api/public/grid-map': { callers: 'public', refusals: [429] },
  'GET /api/public/matters': { callers: 'public', refusals: [429] },
  'GET /api/public/routing-preview': { callers: 'public', refusals: [429] },
  'GET /api/public/cases/{number}': { callers: 'public', refusals: [429] },
  // maps: outlines and names are public reference data; the account's own area and search are for staff and residents
  'GET /api/map/area': { callers: STAFF_AND_RESIDENT },
  'GET /api/places/search': { callers: STAFF_AND_RESIDENT },
  'GET /api/map/config': { callers: 'public', refusals: [429] },
  'GET /api/public/map/area': { callers: 'public', refusals: [429] },
  'GET /api/public/places/search': { callers: 'public', refusals: [429] },
  'GET /api/events': { callers: STAFF_AND_RESIDENT },

  // things in the case loop and the map layers (issue 11): those who read the registry, within their reach (the grid
  // worker: its grid); never residents (they name a thing in a report by its id, within 30 m), handlers or departments
  'GET /api/registry/things/{id}/cases': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker'] },
  'GET /api/registry/things/nearby': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker'] },
  'GET /api/registry/map-layers': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker'] },
  // the registry's records (issue 11): read by admin, the town's leader and dispatcher, community staff and grid workers,
  // each within its reach; edited by admin, community staff and grid workers; never handlers, departments, the auditor,
  // the security administrator or residents. Phones whole to community staff and grid workers, ID numbers to community
  // staff (a grid worker asking for one: 403); a list filtered by a sensitive tag the caller does not see: 403
  'GET /api/registry/tags': { callers: REGISTRY_READERS },
  'GET /api/registry/residents': { callers: REGISTRY_READERS, refusals: [403] },
  // a bad ID number 422, a duplicate 409
  'POST /api/registry/residents': { callers: REGISTRY_EDITORS, refusals: [409, 422] },
  'GET /api/registry/residents/{id}': { callers: REGISTRY_READERS },
  'PATCH /api/registry/residents/{id}': { callers: REGISTRY_EDITORS, refusals: [409, 422] },
  'POST /api/registry/residents/{id}/leave': { callers: REGISTRY_EDITORS, refusals: [409, 422] },
  'POST /api/registry/residents/{id}/reveal': { callers: ['community', 'gridworker'], refusals: [403] },
  'GET /api/registry/households': { callers: REGISTRY_READERS, refusals: [403] },
  'POST /api/registry/households': { callers: REGISTRY_EDITORS, refusals: [422] },
  'GET /api/registry/households/{id}': { callers: REGISTRY_READERS },
  'PATCH /api/registry/households/{id}': { callers: REGISTRY_EDITORS, refusals: [409, 422] },
  'GET /api/registry/buildings': { callers: REGISTRY_READERS },
  'POST /api/registry/buildings': { callers: REGISTRY_EDITORS, refusals: [422] },
  'GET /api/registry/buildings/{id}': { callers: REGISTRY_READERS },
  'PATCH /api/registry/buildings/{id}': { callers: REGISTRY_EDITORS, refusals: [409, 422] },
  'GET /api/registry/buildings/{id}/layout': { callers: REGISTRY_READERS },
  'GET /api/registry/places': { callers: REGISTRY_READERS },
  'POST /api/registry/places': { callers: REGISTRY_EDITORS, refusals: [422] },
  'GET /api/registry/places/{id}': { callers: REGISTRY_READERS },
  'PATCH /api/registry/places/{id}': { callers: REGISTRY_EDITORS, refusals: [409, 422] },
  'POST /api/registry/places/{id}/reveal': { callers: ['community', 'gridworker'] },
  'GET /api/registry/things': { callers: REGISTRY_READERS },
  'POST /api/registry/things': { callers: REGISTRY_EDITORS, refusals: [422] },
  'GET /api/registry/things/{id}': { callers: REGISTRY_READERS },
  'PATCH /api/registry/things/{id}': { callers: REGISTRY_EDITORS, refusals: [409, 422] },
  'POST /api/registry/things/{id}/inspections': { callers: REGISTRY_EDITORS, refusals: [422] },
  'GET /api/registry/hazards': { callers: REGISTRY_READERS },
  'POST /api/registry/hazards': { callers: REGISTRY_EDITORS, refusals: [422] },
  'PATCH /api/registry/hazards/{id}': { callers: REGISTRY_EDITORS, refusals: [409, 422] },
  // registry import and export: editors import (an import is read by its importer and the admins of its scope only);
  // readers export what they see; a sensitive tag filter by a non-carer is 403
  'GET /api/registry/templates/{kind}': { callers: REGISTRY_EDITORS },
  'POST /api/registry/imports': { callers: REGISTRY_EDITORS, refusals: [400, 413, 415] },
  'GET /api/registry/imports': { callers: REGISTRY_EDITORS },
  'GET /api/registry/imports/{id}': { callers: REGISTRY_EDITORS },
  'GET /api/registry/imports/{id}/report': { callers: REGISTRY_EDITORS, refusals: [409] },
  'GET /api/registry/exports/{kind}': { callers: REGISTRY_READERS, refusals: [400, 403] },
  // the duty catalogs (issue 12): staff who work in a town read them (the department too: its district's towns); the
  // town's office, a department and a community ask for new duties at their level or below (above: 403); the town's
  // leader and the admin decide, correct, retire, and edit the standing duties
  'GET /api/duty-catalog': { callers: DUTY_READERS },
  'PATCH /api/duty-catalog/items/{id}': { callers: ['admin', 'leader'], refusals: [409, 422] },
  'POST /api/duty-catalog/items/{id}/retire': { callers: ['admin', 'leader'], refusals: [409, 422] },
  'GET /api/duty-catalog/admissions': { callers: DUTY_READERS },
  'POST /api/duty-catalog/admissions': { callers: ['admin', 'leader', 'dispatcher', 'department', 'community'], refusals: [403, 422] },
  'POST /api/duty-catalog/admissions/{id}/approve': { callers: ['admin', 'leader'], refusals: [409] },
  'POST /api/duty-catalog/admissions/{id}/refuse': { callers: ['admin', 'leader'], refusals: [409, 422] },
  'GET /api/standing-duties': { callers: DUTY_READERS },
  'PUT /api/standing-duties': { callers: ['admin', 'leader'], refusals: [409, 422] },
  // the daily task generation, run by hand for a town wholly in the caller's territory (the admin, the town's leader);
  // staff absences kept by those who assign tasks, for the workers of their territory's grids
  'POST /api/tasks/generate': { callers: ['admin', 'leader'], refusals: [422] },
  'GET /api/absences': { callers: ['admin', 'leader', 'dispatcher', 'community'] },
  'POST /api/absences': { callers: ['admin', 'leader', 'dispatcher', 'community'], refusals: [422] },
  'DELETE /api/absences/{id}': { callers: ['admin', 'leader', 'dispatcher', 'community'] },
  // tasks, visits, campaigns and progress (issue 12): overseers read within their territory (a grid worker: its grid);
  // grid workers and community staff tick their own tasks and visit their grid's people; the town's office and the
  // community give grids ad hoc tasks; the town's office pushes campaigns
  'GET /api/tasks': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker'] },
  'GET /api/tasks/{id}': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker'] },
  'POST /api/tasks/{id}/complete': { callers: ['community', 'gridworker'], refusals: [403, 409, 422] },
  'POST /api/tasks': { callers: ['admin', 'leader', 'dispatcher', 'community'], refusals: [422] },
  'GET /api/tasks/progress': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker'], refusals: [422] },
  'POST /api/task-campaigns': { callers: ['admin', 'leader', 'dispatcher'], refusals: [422] },
  'GET /api/task-campaigns': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker'] },
  'POST /api/visits': { callers: ['community', 'gridworker'], refusals: [422] },
  'POST /api/visits/{id}/case': { callers: ['community', 'gridworker'], refusals: [403, 422] },
  'GET /api/visits': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker'] },
  // partners (issue 13): a town's leaders (and the admin) set up the webhooks that tell partners of the town's alarms;
  // a change with a stale version 409, a private or malformed target 422. Other platforms' alerts come with the
  // platform's API key (a wrong one 401, an unmapped type or a point off its ground 422); the admin registers them.
  'GET /api/webhooks': { callers: ['admin', 'leader'] },
  'POST /api/webhooks': { callers: ['admin', 'leader'], refusals: [422] },
  'PUT /api/webhooks/{id}': { callers: ['admin', 'leader'], refusals: [409, 422] },
  'POST /api/webhooks/{id}/test': { callers: ['admin', 'leader'], refusals: [422] },
  'GET /api/webhooks/{id}/deliveries': { callers: ['admin', 'leader'] },
  // 数字预案 (issue 14): the town's staff and its communities' read the plans; its leaders (and the admin) write and retire
  // them; a stale version or a retired plan 409, a plan the rules or the town refuse 422
  'GET /api/plans': { callers: ['admin', 'leader', 'dispatcher', 'handler', 'community'] },
  'POST /api/plans': { callers: ['admin', 'leader'], refusals: [422] },
  'GET /api/plans/{id}': { callers: ['admin', 'leader', 'dispatcher', 'handler', 'community'] },
  'PUT /api/plans/{id}': { callers: ['admin', 'leader'], refusals: [409, 422] },
  'POST /api/plans/{id}/retire': { callers: ['admin', 'leader'], refusals: [409] },
  'GET /api/plans/{id}/versions': { callers: ['admin', 'leader', 'dispatcher', 'handler', 'community'] },
  'GET /api/plans/{id}/versions/{version}': { callers: ['admin', 'leader', 'dispatcher', 'handler', 'community'] },
  // incidents: the command center (admin, leader, dispatcher) starts a plan of its towns, changes the level and stands it
  // down; readers follow them; a step's checklist is ticked by a commander or a holder of the step's work order (any staff
  // a role names); a retired plan or a stood-down incident 409, an unstaffed role, a level the plan lacks or a bad CAP 422
  'POST /api/plans/{id}/activate': { callers: ['admin', 'leader', 'dispatcher'], refusals: [409, 422] },
  'GET /api/incidents': { callers: ['admin', 'leader', 'dispatcher', 'handler', 'community'] },
  'GET /api/incidents/{id}': { callers: ['admin', 'leader', 'dispatcher', 'handler', 'community'] },
  'POST /api/incidents/{id}/level': { callers: ['admin', 'leader', 'dispatcher'], refusals: [409, 422] },
  'POST /api/incidents/{id}/stand-down': { callers: ['admin', 'leader', 'dispatcher'], refusals: [409] },
  'POST /api/incidents/{id}/steps/{stepKey}/checks': { callers: ['admin', 'leader', 'dispatcher', 'handler', 'community', 'gridworker'], refusals: [409] },
  // the after-action review, once stood down (an active incident 409), and the figures of the incidents in the scope
  'GET /api/incidents/{id}/review': { callers: ['admin', 'leader', 'dispatcher', 'handler', 'community'], refusals: [409] },
  'GET /api/incidents/figures': { callers: ['admin', 'leader', 'dispatcher', 'handler', 'community'] },
  // plan suggestions: the plans' readers see the matches of their towns; the command center dismisses them (once: 409)
  'GET /api/plan-suggestions': { callers: ['admin', 'leader', 'dispatcher', 'handler', 'community'] },
  'POST /api/plan-suggestions/{id}/dismiss': { callers: ['admin', 'leader', 'dispatcher'], refusals: [409] },
  'GET /api/incidents/{id}/cap/{seq}.xml': { callers: ['admin', 'leader', 'dispatcher', 'handler', 'community'] },
  // disputes (issue 15): every territorial staff member, a department and a resident read them (each their own reach:
  // the scope, the disputes pushed to the department, those the resident is a party of); the handlers of the scope act
  'GET /api/disputes/classes': { callers: ['admin', 'leader', 'dispatcher', 'handler', 'community', 'gridworker', 'department', 'resident'] },
  'POST /api/disputes/classes': { callers: ['admin'], refusals: [409, 422] },
  'PUT /api/disputes/classes/{code}': { callers: ['admin'], refusals: [422] },
  'GET /api/disputes': { callers: ['admin', 'leader', 'dispatcher', 'handler', 'community', 'gridworker', 'department', 'resident'] },
  'POST /api/disputes': { callers: ['dispatcher', 'handler', 'community', 'gridworker'], refusals: [422] },
  'GET /api/disputes/{id}': { callers: ['admin', 'leader', 'dispatcher', 'handler', 'community', 'gridworker', 'department', 'resident'] },
  'POST /api/disputes/{id}/actions/push': { callers: ['dispatcher', 'handler', 'community', 'gridworker'], refusals: [409, 422] },
  'POST /api/disputes/{id}/actions/reply': { callers: ['dispatcher', 'handler', 'community', 'gridworker', 'department'], refusals: [409, 422] },
  'POST /api/disputes/{id}/actions/litigate': { callers: ['dispatcher', 'handler', 'community', 'gridworker'], refusals: [409, 422] },
  'POST /api/disputes/{id}/actions/change-tier': { callers: ['dispatcher', 'handler', 'community', 'gridworker'], refusals: [409, 422] },
  'POST /api/disputes/{id}/actions/assess-risk': { callers: ['dispatcher', 'handler', 'community', 'gridworker'], refusals: [409, 422] },
  'POST /api/disputes/{id}/actions/close': { callers: ['dispatcher', 'handler', 'community', 'gridworker'], refusals: [409, 422] },
  'POST /api/disputes/{id}/actions/reopen': { callers: ['dispatcher', 'handler', 'community', 'gridworker'], refusals: [409, 422] },
  // mediations and the agreement: the handlers of the scope; the agreement's download shows the parties whole, so the
  // other readers of the dispute are refused (403); sweeps of the town for its staff and grid workers; figures for staff
  'POST /api/disputes/{id}/mediations': { callers: ['dispatcher', 'handler', 'community', 'gridworker'], refusals: [409, 422] },
  'GET /api/disputes/{id}/agreement': { callers: ['admin', 'leader', 'dispatcher', 'handler', 'community', 'gridworker', 'department', 'resident'] },
  'GET /api/disputes/{id}/signed-scan': { callers: ['dispatcher', 'handler', 'community', 'gridworker'] },
  'POST /api/disputes/{id}/actions/follow-up': { callers: ['dispatcher', 'handler', 'community', 'gridworker'], refusals: [409, 422] },
  'POST /api/disputes/{id}/actions/attach-signed': { callers: ['dispatcher', 'handler', 'community', 'gridworker'], refusals: [409, 422] },
  'GET /api/disputes/sweeps': { callers: ['admin', 'leader', 'dispatcher', 'handler', 'community', 'gridworker'] },
  'POST /api/disputes/sweeps': { callers: ['admin', 'leader', 'dispatcher'], refusals: [422] },
  'GET /api/disputes/sweeps/mine': { callers: ['gridworker'] },
  'GET /api/disputes/sweeps/{id}': { callers: ['admin', 'leader', 'dispatcher', 'handler', 'community', 'gridworker'] },
  'POST /api/disputes/sweeps/{id}/reports': { callers: ['admin', 'leader', 'dispatcher', 'handler', 'community', 'gridworker'], refusals: [422] },
  'GET /api/disputes/stats': { callers: ['admin', 'leader', 'dispatcher', 'handler', 'community'] },
  // the indicators job (issue 17): its runs for editors and dispatchers, a recompute for editors (leaders and the admin)
  'GET /api/indicators/runs': { callers: ['admin', 'leader', 'dispatcher'] },
  'POST /api/indicators/recompute': { callers: ['admin', 'leader'], refusals: [422] },
  // 一屏统揽 (issue 17): the command screen for the center's staff and leaders, and community staff for their community
  'GET /api/screen/summary': { callers: ['admin', 'leader', 'dispatcher', 'handler', 'community'] },
  'GET /api/screen/children': { callers: ['admin', 'leader', 'dispatcher', 'handler', 'community'] },
  // 大综合一体化执法 (issue 15): the town's staff and the city's admin read the matter list and the enforcement cases of
  // their scope; the admin edits the list; officers (handlers) open and work cases, legal review by the town's leader
  'GET /api/enforcement/matters': { callers: ['admin', 'leader', 'dispatcher', 'handler'] },
  'POST /api/enforcement/matters': { callers: ['admin'], refusals: [422] },
  'GET /api/enforcement/matters/{code}': { callers: ['admin', 'leader', 'dispatcher', 'handler'] },
  'GET /api/enforcement/matters/{code}/benchmarks': { callers: ['admin', 'leader', 'dispatcher', 'handler'] },
  'GET /api/enforcement/cases': { callers: ['admin', 'leader', 'dispatcher', 'handler'] },
  'POST /api/enforcement/cases': { callers: ['handler'], refusals: [409, 422] },
  'GET /api/enforcement/cases/by-loop-case/{caseId}': { callers: ['admin', 'leader', 'dispatcher', 'handler'] },
  'GET /api/enforcement/cases/{id}': { callers: ['admin', 'leader', 'dispatcher', 'handler'] },
  'POST /api/enforcement/cases/{id}/actions/update-facts': { callers: ['handler'], refusals: [409, 422] },
  'POST /api/enforcement/cases/{id}/actions/add-evidence': { callers: ['handler'], refusals: [409, 422] },
  'POST /api/enforcement/cases/{id}/actions/confirm-band': { callers: ['handler'], refusals: [409, 422] },
  'POST /api/enforcement/cases/{id}/actions/review': { callers: ['leader'], refusals: [409, 422] },
  'POST /api/enforcement/cases/{id}/actions/decide': { callers: ['handler'], refusals: [409, 422] },
  'POST /api/enforcement/cases/{id}/actions/pay': { callers: ['handler'], refusals: [409, 422] },
  'POST /api/enforcement/cases/{id}/actions/execute': { callers: ['handler'], refusals: [409, 422] },
  'POST /api/enforcement/cases/{id}/actions/close': { callers: ['handler'], refusals: [409, 422] },
  'POST /api/enforcement/cases/{id}/actions/drop': { callers: ['handler'], refusals: [409, 422] },
  'POST /api/alerts': { callers: 'public', refusals: [401, 422, 429] },
  'GET /api/alert-platforms': { callers: ['admin'] },
  'POST /api/alert-platforms': { callers: ['admin'], refusals: [409, 422] },
  'PUT /api/alert-platforms/{id}': { callers: ['admin'], refusals: [409, 422] },
  'POST /api/alert-platforms/{id}/key': { callers: ['admin'], refusals: [409] },
  // alarms (issue 13): those who work on the ground or watch it read and answer the alarms of their territory; an
  // answered alarm answered again, or with a stale version, 409; a care or safety alarm cleared without a note 400
  'GET /api/alarms': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker'] },
  'GET /api/alarms/{id}': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker'] },
  'POST /api/alarms/{id}/acknowledge': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker'], refusals: [409] },
  'POST /api/alarms/{id}/clear': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker'], refusals: [400, 409] },
  // devices (issue 13): read by those who work on the ground or watch it, inside their territory (the grid worker: its
  // grid); registered, changed, retired by the town's staff and community staff, bound only to registry records they
  // reach (422 otherwise); a person's overrides by the admin and leaders (403 for the others); stale versions 409.
  // Readings come with the device's own token: a session token is not one (401), a bad reading 422, too many 429.
  'GET /api/devices': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker'] },
  'POST /api/devices': { callers: ['admin', 'leader', 'dispatcher', 'community'], refusals: [422] },
  'GET /api/devices/{id}': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker'] },
  'PATCH /api/devices/{id}': { callers: ['admin', 'leader', 'dispatcher', 'community'], refusals: [403, 409, 422] },
  'POST /api/devices/{id}/retire': { callers: ['admin', 'leader', 'dispatcher', 'community'], refusals: [409, 422] },
  'POST /api/devices/{id}/token': { callers: ['admin', 'leader', 'dispatcher', 'community'], refusals: [422] },
  'GET /api/devices/{id}/readings': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker'] },
  'POST /api/devices/{id}/readings': { callers: 'public', refusals: [401, 422, 429] },
  // device profiles: the same readers; rules saved by the admin and leaders who govern every device using the profile
  'GET /api/device-profiles': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker'] },
  'GET /api/device-profiles/{id}/rules': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker'] },
  'PUT /api/device-profiles/{id}/rules': { callers: ['admin', 'leader'], refusals: [403, 409, 422] },
  'GET /api/device-profiles/{id}/rules/preview': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker'] },
  'POST /api/device-profiles/{id}/rules/preview': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker'], refusals: [422] },
  // joint inspections and enforcement figures (issue 15): the town's enforcement readers; its officers (handlers) act;
  // the decision document for the officers and the legal reviewers (leader)
  'GET /api/enforcement/checklists': { callers: ['admin', 'leader', 'dispatcher', 'handler'] },
  'GET /api/enforcement/inspections': { callers: ['admin', 'leader', 'dispatcher', 'handler'] },
  'POST /api/enforcement/inspections': { callers: ['handler'], refusals: [422] },
  'GET /api/enforcement/inspections/{id}': { callers: ['admin', 'leader', 'dispatcher', 'handler'] },
  'POST /api/enforcement/inspections/{id}/results': { callers: ['handler'], refusals: [409, 422] },
  'GET /api/enforcement/cases/{id}/decision': { callers: ['leader', 'handler'], refusals: [409] },
  'GET /api/enforcement/stats': { callers: ['admin', 'leader', 'dispatcher', 'handler'] },
  // party members and 微阵地 (issue 16): the volunteers' readers; organisers of the scope write
  'GET /api/volunteers/party-posts': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker', 'resident'] },
  'POST /api/volunteers/party-posts': { callers: ['dispatcher', 'community', 'gridworker'], refusals: [422] },
  'GET /api/volunteers/party-members': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker', 'resident'] },
  'PUT /api/volunteers/party-members/{residentId}/commitments': { callers: ['dispatcher', 'community', 'gridworker'], refusals: [422] },
  'POST /api/volunteers/party-members/{residentId}/stars': { callers: ['dispatcher', 'community', 'gridworker'], refusals: [422] },
  // 三事分流, councils, proposals and neighbour help (issue 16): participation's readers; the councils' staff class matters and
  // run proposals; residents enter their matters, propose, support, comment, rate and ask for or take help
  'GET /api/participation/matters': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker', 'resident'] },
  'POST /api/participation/matters': { callers: ['dispatcher', 'community', 'gridworker', 'resident'], refusals: [422] },
  'GET /api/participation/matters/{id}': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker', 'resident'] },
  'POST /api/participation/matters/{id}/actions/class': { callers: ['dispatcher', 'community', 'gridworker'], refusals: [409, 422] },
  'POST /api/participation/matters/{id}/actions/reclass': { callers: ['dispatcher', 'community', 'gridworker'], refusals: [409, 422] },
  'GET /api/councils': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker', 'resident'] },
  'GET /api/councils/{id}': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker', 'resident'] },
  'PUT /api/councils/{id}': { callers: ['leader', 'dispatcher', 'community'] },
  'GET /api/proposals': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker', 'resident'] },
  'POST /api/proposals': { callers: ['dispatcher', 'community', 'gridworker', 'resident'], refusals: [422] },
  'GET /api/proposals/{id}': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker', 'resident'] },
  'POST /api/proposals/{id}/support': { callers: ['resident'], refusals: [409, 422] },
  'POST /api/proposals/{id}/comments': { callers: ['dispatcher', 'community', 'gridworker', 'resident'], refusals: [409, 422] },
  'POST /api/proposals/{id}/rating': { callers: ['resident'], refusals: [409, 422] },
  'POST /api/proposals/{id}/actions/decide': { callers: ['dispatcher', 'community', 'gridworker'], refusals: [409, 422] },
  'POST /api/proposals/{id}/actions/reject': { callers: ['dispatcher', 'community', 'gridworker'], refusals: [409] },
  'POST /api/proposals/{id}/actions/start': { callers: ['dispatcher', 'community', 'gridworker'], refusals: [409] },
  'POST /api/proposals/{id}/actions/report-result': { callers: ['dispatcher', 'community', 'gridworker'], refusals: [409] },
  'POST /api/proposals/{id}/actions/send-up': { callers: ['dispatcher', 'community', 'gridworker'], refusals: [409] },
  'GET /api/help-requests': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker', 'resident'] },
  'POST /api/help-requests': { callers: ['dispatcher', 'community', 'gridworker', 'resident'], refusals: [422] },
  'GET /api/help-requests/{id}': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker', 'resident'] },
  'POST /api/help-requests/{id}/actions/take': { callers: ['dispatcher', 'community', 'gridworker', 'resident'], refusals: [409, 422] },
  'POST /api/help-requests/{id}/actions/done': { callers: ['dispatcher', 'community', 'gridworker', 'resident'], refusals: [409] },
  'POST /api/help-requests/{id}/actions/cancel': { callers: ['dispatcher', 'community', 'gridworker', 'resident'], refusals: [409] },
  // meetings, votes and ideas (issue 16): participation's readers; the councils' staff run meetings; residents vote and support
  'GET /api/meetings': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker', 'resident'] },
  'POST /api/meetings': { callers: ['dispatcher', 'community', 'gridworker'], refusals: [409, 422] },
  'GET /api/meetings/{id}': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker', 'resident'] },
  'POST /api/meetings/{id}/actions/{action}': { callers: ['dispatcher', 'community', 'gridworker'], refusals: [403, 409, 422] },
  'PUT /api/meetings/{id}/minutes': { callers: ['dispatcher', 'community', 'gridworker'], refusals: [403, 409] },
  'GET /api/meetings/{id}/checkin': { callers: ['dispatcher', 'community', 'gridworker'], refusals: [403] },
  'POST /api/meetings/{id}/attendance': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker', 'resident'], refusals: [403, 409, 422] },
  'POST /api/meetings/{id}/comments': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker', 'resident'], refusals: [409] },
  'POST /api/meetings/{id}/motions': { callers: ['dispatcher', 'community', 'gridworker'], refusals: [403, 409, 422] },
  'POST /api/meetings/{id}/votes': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker', 'resident'], refusals: [403, 409, 422] },
  'POST /api/meetings/{id}/motions/{motionId}/close': { callers: ['dispatcher', 'community', 'gridworker'], refusals: [403, 409] },
  'GET /api/ideas': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker', 'resident'] },
  'POST /api/ideas': { callers: ['resident'], refusals: [422] },
  'GET /api/ideas/top': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker', 'resident'] },
  'POST /api/ideas/top': { callers: ['leader', 'dispatcher', 'community'], refusals: [403, 409, 422] },
  'GET /api/ideas/{id}': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker', 'resident'] },
  'POST /api/ideas/{id}/support': { callers: ['resident'], refusals: [409, 422] },
  'POST /api/ideas/{id}/actions/{action}': { callers: ['dispatcher', 'community', 'gridworker'], refusals: [403, 409, 422] },
  // 微积分 points (issue 16): its readers; the community's staff keep the rules and the books; grid workers peer-review
  'GET /api/points/rules': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker', 'resident'], refusals: [422] },
  'PUT /api/points/rules': { callers: ['community'], refusals: [403, 409, 422] },
  'POST /api/points/rules/publish': { callers: ['community'], refusals: [403, 422] },
  'POST /api/points/awards': { callers: ['community'], refusals: [403, 422] },
  'POST /api/points/transactions/{id}/reverse': { callers: ['community'], refusals: [403, 409, 422] },
  'GET /api/points/accounts': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker'] },
  'GET /api/points/accounts/{subject}': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker', 'resident'], refusals: [422] },
  'GET /api/points/reconciliations': { callers: ['admin', 'leader', 'community'] },
  'POST /api/points/reconciliations': { callers: ['admin'] },
  'GET /api/points/assessments': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker', 'resident'] },
  'POST /api/points/assessments': { callers: ['community', 'gridworker', 'resident'], refusals: [403, 409, 422] },
  'GET /api/points/assessments/{id}': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker', 'resident'] },
  'POST /api/points/assessments/{id}/peer-review': { callers: ['community', 'gridworker'], refusals: [403, 409, 422] },
  'POST /api/points/assessments/{id}/approve': { callers: ['community', 'gridworker'], refusals: [403, 409, 422] },
  'POST /api/points/assessments/{id}/return': { callers: ['community', 'gridworker'], refusals: [403, 409] },
  // 积分超市, 红黑榜/文明户 and 志愿服务 (issue 16): points' and volunteers' readers; the community's staff run the supermarket; organisers the teams and activities
  'GET /api/points/goods': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker', 'resident'] },
  'POST /api/points/goods': { callers: ['community'], refusals: [422] },
  'PUT /api/points/goods/{id}': { callers: ['community'], refusals: [409, 422] },
  'POST /api/points/redemptions': { callers: ['community', 'resident'], refusals: [403, 422] },
  'GET /api/points/redemptions': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker', 'resident'] },
  'POST /api/points/redemptions/pickup': { callers: ['community'], refusals: [409, 422] },
  'POST /api/points/redemptions/{id}/cancel': { callers: ['community', 'resident'], refusals: [403, 409] },
  'GET /api/points/statements': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker'] },
  'GET /api/points/civility': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker', 'resident'] },
  'POST /api/points/civility/derive': { callers: ['community'], refusals: [422] },
  'GET /api/volunteers/teams': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker', 'resident'] },
  'POST /api/volunteers/teams': { callers: ['dispatcher', 'community', 'gridworker'], refusals: [409, 422] },
  'GET /api/volunteers/teams/{id}': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker', 'resident'] },
  'POST /api/volunteers/teams/{id}/members': { callers: ['dispatcher', 'community', 'gridworker'], refusals: [403, 422] },
  'POST /api/volunteers/teams/{id}/join': { callers: ['resident'], refusals: [422] },
  'DELETE /api/volunteers/teams/{id}/members/{residentId}': { callers: ['dispatcher', 'community', 'gridworker', 'resident'], refusals: [403] },
  'GET /api/volunteers/activities': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker', 'resident'] },
  'POST /api/volunteers/activities': { callers: ['dispatcher', 'community', 'gridworker'], refusals: [422] },
  'GET /api/volunteers/activities/{id}': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker', 'resident'] },
  'POST /api/volunteers/activities/{id}/sign-up': { callers: ['dispatcher', 'community', 'gridworker', 'resident'], refusals: [403, 409, 422] },
  'POST /api/volunteers/activities/{id}/check-in': { callers: ['dispatcher', 'community', 'gridworker', 'resident'], refusals: [403, 409, 422] },
  'POST /api/volunteers/activities/{id}/check-out': { callers: ['dispatcher', 'community', 'gridworker', 'resident'], refusals: [403, 409, 422] },
  'POST /api/volunteers/activities/{id}/actions': { callers: ['dispatcher', 'community', 'gridworker'], refusals: [403, 409] },
  'GET /api/volunteers/me': { callers: ['resident'] },
  // 赛马比拼 and 线上通报 (issue 17): the town's staff read boards and bulletins of their town (peers are public inside
  // it); the admin the city's; generating a bulletin is for leaders, dispatchers and the admin; departments, residents none
  'GET /api/rankings': { callers: ['admin', 'leader', 'dispatcher', 'handler', 'community', 'gridworker'], refusals: [422] },
  'POST /api/rankings/bulletins': { callers: ['admin', 'leader', 'dispatcher'], refusals: [403, 422] },
  'GET /api/rankings/bulletins': { callers: ['admin', 'leader', 'dispatcher', 'handler', 'community', 'gridworker'] },
  'GET /api/rankings/bulletins/{id}': { callers: ['admin', 'leader', 'dispatcher', 'handler', 'community', 'gridworker'] },
  'GET /api/rankings/bulletins/{id}/document': { callers: ['admin', 'leader', 'dispatcher', 'handler', 'community', 'gridworker'] },
  // 高频诉求 and the 15-minute circle (issue 17): territorial staff read the hot spots of their scope and the projects of
  // their community or those under them; community staff and leaders make and run the projects; others none
  'GET /api/analytics/hotspots': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker'] },
  'GET /api/analytics/projects': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker'] },
  'GET /api/analytics/projects/{id}': { callers: ['admin', 'leader', 'dispatcher', 'community', 'gridworker'] },
  'POST /api/analytics/projects': { callers: ['leader', 'community'], refusals: [422] },
  'PUT /api/analytics/projects/{id}': { callers: ['leader', 'community'], refusals: [403, 409, 422] },
  'POST /api/analytics/projects/{id}/actions/{action}': { callers: ['leader', 'community'], refusals: [403, 409, 422] },
  'POST /api/analytics/projects/{id}/cases': { callers: ['leader', 'community'], refusals: [403, 409, 422] },
  // 体征指标 (issue 17): the town's staff read the catalog and the values of their units and of those holding them down
  // from the town, and the children of those (peers are public inside the town); leaders and the admin define their
  // towns' own indicators and targets; departments and residents read none
  'GET /api/indicators': { callers: ['admin', 'leader', 'dispatcher', 'handler', 'community', 'gridworker'] },
  'GET /api/indicators/{code}': { callers: ['admin', 'leader', 'dispatcher', 'handler', 'community', 'gridworker'] },
  'POST /api/indicators': { callers: ['admin', 'leader'], refusals: [409, 422] },
  'PUT /api/indicators/{code}': { callers: ['admin', 'leader'], refusals: [409, 422] },
  'POST /api/indicators/{code}/archive': { callers: ['admin', 'leader'], refusals: [409, 422] },
  'PUT /api/indicators/{code}/target': { callers: ['admin', 'leader'], refusals: [422] },
  'GET /api/indicators/values': { callers: ['admin', 'leader', 'dispatcher', 'handler', 'community', 'gridworker'], refusals: [422] },
  'GET /api/indicators/values/children': { callers: ['admin', 'leader', 'dispatcher', 'handler', 'community', 'gridworker'], refusals: [422] },
  'GET /api/indicators/series': { callers: ['admin', 'leader', 'dispatcher', 'handler', 'community', 'gridworker'], refusals: [422] },
  // 三级五星评价 (issue 17): every staff account reads ratings (judges their scope's, others the published ones of their
  // town, a department none) and its own units' appeals; leaders and the admin edit rules, compute, publish and answer
  // appeals below them; the rated unit's own staff appeal; the town's leader and dispatcher review the departments they
  // sent cases to, and a department reads its own reviews; residents nothing
  'GET /api/ratings': { callers: ['admin', 'leader', 'dispatcher', 'handler', 'community', 'gridworker', 'department'], refusals: [422] },
  'GET /api/ratings/{id}': { callers: ['admin', 'leader', 'dispatcher', 'handler', 'community', 'gridworker', 'department'] },
  'GET /api/ratings/rules': { callers: ['admin', 'leader'], refusals: [400] },
  'PUT /api/ratings/rules': { callers: ['admin', 'leader'], refusals: [400, 403, 409, 422] },
  'POST /api/ratings/compute': { callers: ['admin', 'leader'], refusals: [422] },
  'POST /api/ratings/publish': { callers: ['admin', 'leader'], refusals: [422] },
  'POST /api/ratings/{id}/appeal': { callers: ['leader', 'community', 'gridworker'], refusals: [403, 409] },
  'POST /api/ratings/appeals/{id}/answer': { callers: ['admin', 'leader'], refusals: [409] },
  'GET /api/ratings/appeals': { callers: ['admin', 'leader', 'dispatcher', 'handler', 'community', 'gridworker', 'department'] },
  'GET /api/ratings/departments': { callers: ['admin', 'leader', 'dispatcher', 'department'], refusals: [400] },
  'POST /api/ratings/departments': { callers: ['leader', 'dispatcher'], refusals: [422] },
  // 一表通 (issue 17): the town's and the community's staff read the standard forms and their town's own, preview and
  // fill them for units of their scope and read the fills kept there; leaders and the admin define forms (a standard one
  // only the admin); grid workers, handlers, departments and residents none
  'GET /api/reports/forms': { callers: ['admin', 'leader', 'dispatcher', 'community'] },
  'POST /api/reports/forms': { callers: ['admin', 'leader'], refusals: [403, 422] },
  'PUT /api/reports/forms/{id}': { callers: ['admin', 'leader'], refusals: [403, 409, 422] },
  'POST /api/reports/forms/{id}/archive': { callers: ['admin', 'leader'], refusals: [403] },
  'GET /api/reports/forms/{id}/preview': { callers: ['admin', 'leader', 'dispatcher', 'community'], refusals: [422] },
  'POST /api/reports/forms/{id}/fill': { callers: ['admin', 'leader', 'dispatcher', 'community'], refusals: [422] },
  'GET /api/reports/fills': { callers: ['admin', 'leader', 'dispatcher', 'community'] },
  'GET /api/reports/fills/{id}/file': { callers: ['admin', 'leader', 'dispatcher', 'community'] },
};

/** The places the fixtures put cases in, by grid code, and who sees a case there (its reporter aside). */
export const PLACES = {
  demoGrid: { code: '500199001001001', name: '春晖社区第1网格', seenBy: ['admin', ...TOWN_STAFF, 'community', 'gridworker'] },
  demoGrid2: { code: '500199001001002', name: '春晖社区第2网格', seenBy: ['admin', ...TOWN_STAFF, 'community'] },
  jinxiaGrid: { code: '500199001002001', name: '锦霞社区第1网格', seenBy: ['admin', ...TOWN_STAFF] },
  ruralGrid: { code: '500199101201001', name: '青杠村第1网格', seenBy: ['admin'] },
} as const satisfies Record<string, { code: string; name: string; seenBy: readonly DemoUser[] }>;
export type Place = keyof typeof PLACES;

/**
 * Who sees a case: the viewers of its place, its reporter (an account; the auditor never reports), and the
 * department once the case was ever assigned to it. Nobody else: the auditor sees no case.
 */
export function caseViewers(place: Place, reporter: DemoUser | null, everSentToDepartment: boolean): Set<DemoUser> {
  const viewers = new Set<DemoUser>(PLACES[place].seenBy);
  if (reporter) viewers.add(reporter);
  if (everSentToDepartment) viewers.add('department');
  return viewers;
}

/** Units by code the department may read: those holding its cases (all in 锦霞社区第1网格), grid and ancestors. */
export const DEPARTMENT_UNIT_CODES = ['500199001002001', '500199001002', '500199001000', '500199000000', '500000000000'] as const;

/** The subtree each account's org reads stay inside (by unit code); the department's are the exact units above. */
export const ORG_SUBTREE: Partial<Record<DemoUser, string>> = {
  admin: '500000000000',
  leader: '500199001000', dispatcher: '500199001000', handler: '500199001000',
  community: '500199001001',
  gridworker: '500199001001001',
};
