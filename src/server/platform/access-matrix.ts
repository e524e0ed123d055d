import type { Role } from '../../shared/roles.ts';

/**
 * The authorization matrix of the API, declared once as data: for every endpoint, who may call it and
 * which records they may reach through it. It deliberately repeats, by hand, what each route declares
 * in `config.access` and enforces in its queries; test/security/authorization-matrix.test.ts calls every
 * operation of the OpenAPI document as every role and checks that both declarations agree.
 *
 * Statuses a caller gets (DESIGN.md, API conventions):
 *   anonymous on a route that is not public ........ 401
 *   signed in, role not listed ...................... 403
 *   role listed, record outside the scope rule ...... 404 (never 403: outsiders learn nothing)
 *   role listed, record inside ...................... 2xx, or one of the entry's `refusals`
 */

/** Who may call an endpoint at all. */
export type Callers = 'public' | 'any signed-in' | readonly Role[];

/** Which records a permitted caller reaches. */
export type ScopeRule =
  /** nothing addressed, or public reference data */
  | 'none'
  /** only the caller's own account or session */
  | 'self'
  /** the OrgUnit named in the path/query lies in the caller's scope subtree; 404 otherwise */
  | 'own scope'
  /** a list: only rows in the caller's scope subtree ever appear */
  | 'own scope (list)'
  /** the town named by `townId` lies in the caller's scope or holds it (a resident: the home town); 404 otherwise.
   *  Without `townId`, the town holding the caller's scope; callers scoped above a town must name one (400). */
  | 'own town'
  /** a case in the caller's scope, assigned to the caller's post/department/self, or reported by the caller; 404 otherwise */
  | 'own records'
  /** a list of exactly those cases */
  | 'own records (list)'
  /** creates a record the caller then follows as its reporter (location anywhere in the grids) */
  | 'creates own record'
  /** a file by the signed URL handed out with it; 404 for a bad or expired signature */
  | 'signed url'
  /** a case by its number together with the phone it was reported with; 404 otherwise */
  | 'reporter phone'
  /** a live stream filtered to own records */
  | 'own records (stream)';

export interface EndpointRule {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** as in the OpenAPI document: `/api/cases/{id}` */
  path: string;
  callers: Callers;
  scope: ScopeRule;
  /** statuses a permitted caller in scope may still get from a domain rule (besides 2xx) */
  refusals?: readonly number[];
  /** rate-limited per client address (429) */
  rateLimited?: boolean;
  note: string;
}

const STAFF = ['admin', 'leader', 'dispatcher', 'handler', 'department', 'communityStaff', 'gridWorker'] as const satisfies readonly Role[];
const STAFF_AND_RESIDENTS = [...STAFF, 'resident'] as const satisfies readonly Role[];
const CATALOG_EDITORS = ['admin', 'leader'] as const satisfies readonly Role[];
const REPORTERS = ['dispatcher', 'communityStaff', 'gridWorker', 'handler', 'resident'] as const satisfies readonly Role[];
/** 三员分立: the audit administrator reads the log; the system administrator keeps read access. Nobody else. */
const AUDIT_READERS = ['admin', 'auditor'] as const satisfies readonly Role[];
/** 三员分立: the security administrator administers accounts; neither the system administrator nor the auditor does. */
const ACCOUNT_ADMINS = ['securityAdmin'] as const satisfies readonly Role[];
const REGISTRY_READERS = ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker'] as const satisfies readonly Role[];
const REGISTRY_EDITORS = ['admin', 'communityStaff', 'gridWorker'] as const satisfies readonly Role[];
const DUTY_READERS = ['admin', 'leader', 'dispatcher', 'handler', 'department', 'communityStaff', 'gridWorker'] as const satisfies readonly Role[];
const ADMISSION_REQUESTERS = ['admin', 'leader', 'dispatcher', 'department', 'communityStaff'] as const satisfies readonly Role[];
const DUTY_EDITORS = ['admin', 'leader'] as const satisfies readonly Role[];
// The auditor appears in no other list: besides the audit log only 'any signed-in' (own account, sign-out,
// own password, the public administrative divisions of locate) reaches it.

export const ACCESS_MATRIX: readonly EndpointRule[] = [
  // platform and identity
  { method: 'GET', path: '/api/health', callers: 'public', scope: 'none', note: 'liveness for load balancers' },
  { method: 'GET', path: '/metrics', callers: 'public', scope: 'none', refusals: [401, 403], note: 'Prometheus metrics: no account reaches them; with METRICS_TOKEN set only its bearer (401), else only this machine (403)' },
  { method: 'GET', path: '/api/auth/demo-accounts', callers: 'public', scope: 'none', note: 'the demo sign-in hint; 404 in production' },
  { method: 'POST', path: '/api/auth/login', callers: 'public', scope: 'none', refusals: [401, 429], note: 'bad credentials 401; rate-limited' },
  { method: 'POST', path: '/api/auth/register/code', callers: 'public', scope: 'none', refusals: [400, 409, 429, 503], rateLimited: true, note: 'an SMS code to a number not registered; throttled per number and per address; 503 without a gateway in production' },
  { method: 'POST', path: '/api/auth/register', callers: 'public', scope: 'creates own record', refusals: [400, 409, 422, 429], rateLimited: true, note: 'a resident account from a proved number, placed in a grid, signed in; wrong codes lock the number' },
  { method: 'GET', path: '/api/auth/register/grids', callers: 'public', scope: 'none', rateLimited: true, note: 'grids by town, community or grid name (outlines and names only), for the address search of registration' },
  { method: 'POST', path: '/api/auth/logout', callers: 'any signed-in', scope: 'self', note: 'revokes the calling token only' },
  { method: 'GET', path: '/api/me', callers: 'any signed-in', scope: 'self', note: 'the calling account' },
  { method: 'POST', path: '/api/auth/password', callers: 'any signed-in', scope: 'self', refusals: [400, 401], note: 'own password only; 401 when the current one is wrong, 400 by the policy' },

  // account administration and the audit log (等保)
  // 三员分立: accounts, roles, lockouts and password resets are the security administrator's, nobody else's
  { method: 'GET', path: '/api/accounts', callers: ACCOUNT_ADMINS, scope: 'own scope (list)', note: 'accounts whose scope (a resident: home) lies in the security admin\'s, with policies' },
  { method: 'GET', path: '/api/accounts/choices', callers: ACCOUNT_ADMINS, scope: 'own scope (list)', note: 'roles, scope units and posts of the security admin\'s subtree, for the forms' },
  { method: 'POST', path: '/api/accounts', callers: ACCOUNT_ADMINS, scope: 'own scope', refusals: [409, 422], note: 'a staff account with a one-time password; scope or post outside 404, duplicate username 409, bad roles or 三员分立 422' },
  { method: 'GET', path: '/api/accounts/import-template', callers: ACCOUNT_ADMINS, scope: 'none', note: 'the .xlsx template of the account import' },
  { method: 'POST', path: '/api/accounts/import', callers: ACCOUNT_ADMINS, scope: 'own scope', refusals: [409, 422], note: 'staff accounts from an .xlsx workbook, all or none; units outside the scope are row problems (422)' },
  { method: 'PATCH', path: '/api/accounts/{id}', callers: ACCOUNT_ADMINS, scope: 'own scope', refusals: [409, 422], note: 'name, phone, roles, scope, posts; not one\'s own nor a resident\'s (409)' },
  { method: 'POST', path: '/api/accounts/{id}/reset-password', callers: ACCOUNT_ADMINS, scope: 'own scope', refusals: [409], note: 'a new one-time password; not one\'s own (409)' },
  { method: 'POST', path: '/api/accounts/{id}/disable', callers: ACCOUNT_ADMINS, scope: 'own scope', refusals: [409], note: 'its tokens stop at once; not one\'s own account (409)' },
  { method: 'POST', path: '/api/accounts/{id}/enable', callers: ACCOUNT_ADMINS, scope: 'own scope', note: 'enables a disabled account' },
  { method: 'POST', path: '/api/accounts/{id}/unlock', callers: ACCOUNT_ADMINS, scope: 'own scope', note: 'clears sign-in failures' },
  { method: 'GET', path: '/api/audit', callers: AUDIT_READERS, scope: 'none', note: 'the whole log, platform-wide, not scoped; each search is itself audited' },
  { method: 'GET', path: '/api/audit/verify', callers: AUDIT_READERS, scope: 'none', note: 'checks the hash chain of the whole log; each check is itself audited' },

  // organisation tree
  { method: 'GET', path: '/api/org-units', callers: STAFF, scope: 'own scope (list)', note: 'units in the caller\'s subtree' },
  { method: 'GET', path: '/api/org-units/locate', callers: 'any signed-in', scope: 'none', refusals: [422], note: 'administrative divisions are public; 422 when no grid holds the point' },
  { method: 'GET', path: '/api/org-units/features', callers: STAFF, scope: 'own scope', note: 'boundaries under rootId' },
  { method: 'GET', path: '/api/org-units/{id}', callers: STAFF, scope: 'own scope', note: 'a unit with its geometry' },
  { method: 'GET', path: '/api/org-units/{id}/team', callers: STAFF, scope: 'own scope', note: 'the grid team, with phone numbers: staff only' },
  { method: 'GET', path: '/api/org-units/{id}/boards', callers: STAFF, scope: 'own scope', note: 'boards, posts and their A/B holders' },
  { method: 'GET', path: '/api/org-units/{id}/departments', callers: STAFF, scope: 'own scope', note: 'the district departments cases of this unit can be sent to' },
  { method: 'POST', path: '/api/org-units', callers: ['admin'], scope: 'own scope', refusals: [409, 422], note: 'a community, grid, dedicated grid or micro-grid under a unit of the scope; 409 code taken, 422 boundary refused' },
  { method: 'PATCH', path: '/api/org-units/{id}', callers: ['admin'], scope: 'own scope', refusals: [409], note: 'renames a unit (409 when retired)' },
  { method: 'POST', path: '/api/org-units/{id}/move', callers: ['admin'], scope: 'own scope', refusals: [422], note: 'hangs a grid or micro-grid under another parent of its town, both in the scope; its cases\' paths follow (422 UNIT_MOVE_REFUSED, GEOMETRY_REJECTED)' },
  { method: 'GET', path: '/api/org-units/{id}/move-targets', callers: ['admin'], scope: 'own scope', note: 'the units of the scope a unit may move under' },
  { method: 'POST', path: '/api/org-units/{id}/retire', callers: ['admin'], scope: 'own scope', refusals: [409], note: 'retires a unit nothing lives on (409 UNIT_IN_USE)' },
  { method: 'POST', path: '/api/org-units/{id}/boundary-preview', callers: ['admin'], scope: 'own scope', refusals: [422], note: 'what a boundary change would move (registry records of the grids in the scope, residents\' names masked; open cases), without saving; 422 GEOMETRY_REJECTED' },
  { method: 'PUT', path: '/api/org-units/{id}/boundary', callers: ['admin'], scope: 'own scope', refusals: [409, 422], note: 'a grid\'s new boundary (and its neighbours\'), checked like an import; the registry records that change grid move with it (422 when records would lie in no grid or no reason is given)' },
  { method: 'GET', path: '/api/org-units/{id}/boundaries', callers: ['admin'], scope: 'own scope', note: 'a unit\'s earlier boundaries' },
  { method: 'PUT', path: '/api/org-units/{id}/team', callers: ['admin', 'communityStaff'], scope: 'own scope', refusals: [409, 422], note: 'replaces a grid\'s team, the grid inside the caller\'s territory (community staff: their community); 409 when a leaving worker\'s open cases would have nobody, 422 bad members or accounts' },
  { method: 'GET', path: '/api/posts', callers: STAFF, scope: 'own town', refusals: [400], note: 'a town\'s posts and their holders; its admins also get the staff who may hold them' },
  { method: 'POST', path: '/api/posts', callers: ['admin'], scope: 'own scope', refusals: [409, 422], note: 'a post on a board of a town inside the admin\'s scope (any other board 422); code taken 409' },
  { method: 'PATCH', path: '/api/posts/{id}', callers: ['admin'], scope: 'own scope', refusals: [409, 422], note: 'renames, moves, retires or restores a post; retiring one with open cases or routing Matters 409' },
  { method: 'PUT', path: '/api/posts/{id}/holders', callers: ['admin'], scope: 'own scope', refusals: [409, 422], note: 'A, B and back-up holders who handle the town\'s cases (else 422); no holder left while cases are open 409' },
  { method: 'GET', path: '/api/duty-roster', callers: STAFF, scope: 'own town', refusals: [400], note: 'a week of the command center\'s duty roster and who is on duty now' },
  { method: 'PUT', path: '/api/duty-roster', callers: ['admin', 'leader'], scope: 'own town', refusals: [409, 422], note: 'replaces a week, the town inside the caller\'s scope; stale version 409, people who may not keep the watch 422' },
  { method: 'POST', path: '/api/org-units/grids/import', callers: ['admin'], scope: 'own scope', refusals: [422], note: 'grid boundaries; communities outside the scope are refused (422)' },

  // duty catalog
  { method: 'GET', path: '/api/matters', callers: STAFF_AND_RESIDENTS, scope: 'own town', refusals: [400], note: 'residents read their home town\'s catalog to pick a category' },
  { method: 'GET', path: '/api/matters/{code}/versions', callers: STAFF, scope: 'own town', refusals: [400], note: 'history of one Matter' },
  { method: 'POST', path: '/api/matters', callers: CATALOG_EDITORS, scope: 'own town', refusals: [400, 409, 422], note: 'new Matter' },
  { method: 'PUT', path: '/api/matters/{code}', callers: CATALOG_EDITORS, scope: 'own town', refusals: [400, 409, 422], note: 'next version of a Matter' },
  { method: 'POST', path: '/api/matters/{code}/retire', callers: CATALOG_EDITORS, scope: 'own town', refusals: [400, 409, 422], note: 'retires a Matter' },
  { method: 'GET', path: '/api/working-calendar', callers: STAFF, scope: 'none', refusals: [], note: 'the years of the working calendar entered, and those missing' },
  { method: 'GET', path: '/api/working-calendar/{year}', callers: STAFF, scope: 'none', refusals: [400], note: 'one year of holidays and swapped working days; platform-wide reference data' },
  { method: 'PUT', path: '/api/working-calendar/{year}', callers: ['admin'], scope: 'none', refusals: [400], note: 'replaces a year from the State Council notice' },

  // files
  { method: 'POST', path: '/api/files', callers: STAFF_AND_RESIDENTS, scope: 'creates own record', refusals: [413, 415, 422], note: 'photo upload, for reports and case actions (not the auditor)' },
  { method: 'GET', path: '/api/files/{hash}', callers: 'public', scope: 'signed url', note: 'the photo; the signature is the permission' },
  { method: 'GET', path: '/api/files/{hash}/thumb', callers: 'public', scope: 'signed url', note: 'its thumbnail' },

  // cases
  { method: 'POST', path: '/api/cases', callers: REPORTERS, scope: 'creates own record', refusals: [422], note: 'grid worker app, 随手拍, hotline intake; leaders, admins and departments do not report' },
  { method: 'GET', path: '/api/cases', callers: STAFF_AND_RESIDENTS, scope: 'own records (list)', note: 'a resident sees only what they reported; every filter (status, unit, category, channel, dates, text) only narrows the list' },
  { method: 'GET', path: '/api/cases/figures', callers: STAFF, scope: 'own records (list)', note: 'counts of exactly the cases the caller may see (the leader\'s overview): open by light, category and board; today\'s reports, acceptances and closures' },
  { method: 'GET', path: '/api/cases/routing-preview', callers: STAFF_AND_RESIDENTS, scope: 'none', refusals: [422], note: 'who would handle a report of a category at a point, and why (a grid worker\'s name to staff only); nothing is written' },
  { method: 'GET', path: '/api/cases/{id}', callers: STAFF_AND_RESIDENTS, scope: 'own records', note: 'detail with timeline and policies' },
  { method: 'POST', path: '/api/cases/{id}/actions/{action}', callers: STAFF_AND_RESIDENTS, scope: 'own records', refusals: [403, 409, 422], note: 'the lifecycle decides who may take which action (403 wrong actor, 409 wrong state)' },
  { method: 'POST', path: '/api/public/cases', callers: 'public', scope: 'creates own record', refusals: [422], rateLimited: true, note: 'anonymous 随手拍 with a phone number' },
  { method: 'POST', path: '/api/public/files', callers: 'public', scope: 'none', refusals: [413, 415, 422], rateLimited: true, note: 'a photo for an anonymous report' },
  { method: 'GET', path: '/api/public/grid-map', callers: 'public', scope: 'none', refusals: [422], rateLimited: true, note: 'outlines and names of the community around a point, for residents\' report maps; 422 outside every grid' },
  { method: 'GET', path: '/api/public/matters', callers: 'public', scope: 'none', refusals: [422], rateLimited: true, note: 'the categories reportable at a point, for the anonymous form; 422 outside every grid' },
  { method: 'GET', path: '/api/public/routing-preview', callers: 'public', scope: 'none', refusals: [422], rateLimited: true, note: 'who would handle an anonymous report, and why (no person\'s name); 422 outside every grid' },
  { method: 'GET', path: '/api/public/cases/{number}', callers: 'public', scope: 'reporter phone', rateLimited: true, note: 'tracking without staff names' },
  // maps: where a report's map opens, the basemap, the address search (outlines and names are public reference data)
  { method: 'GET', path: '/api/map/area', callers: STAFF_AND_RESIDENTS, scope: 'none', note: 'the caller\'s own area (home grid, scope unit in its community or town; else the default town): outlines and names only' },
  { method: 'GET', path: '/api/places/search', callers: STAFF_AND_RESIDENTS, scope: 'none', note: 'org units of the town around the caller\'s scope or home, in the query; then the configured geocoder' },
  { method: 'GET', path: '/api/map/config', callers: 'public', scope: 'none', rateLimited: true, note: 'the basemap (a Tianditu browser key is public by design) and whether a geocoder is set; never the server key' },
  { method: 'GET', path: '/api/public/map/area', callers: 'public', scope: 'none', rateLimited: true, note: 'the default town\'s outlines and names, for the anonymous report' },
  { method: 'GET', path: '/api/public/places/search', callers: 'public', scope: 'none', rateLimited: true, note: 'place search over every town, for the anonymous report' },
  { method: 'GET', path: '/api/events', callers: STAFF_AND_RESIDENTS, scope: 'own records (stream)', note: 'Server-Sent Events' },

  // the grid registry 人房地物 (issue 11): territory (a grid worker: its team's grids); departments, auditors, security
  // admins and residents never; ID numbers and phones masked, whole only through the audited reveals
  { method: 'GET', path: '/api/registry/tags', callers: REGISTRY_READERS, scope: 'own scope', note: 'the tag catalog with the caller\'s town\'s visit frequencies; sensitive tags to carers only' },
  { method: 'GET', path: '/api/registry/residents', callers: REGISTRY_READERS, scope: 'own scope (list)', refusals: [403], note: 'search by name, pinyin initials, address, ID number or phone (exact, keyed hash), tag, grid; masked; a sensitive tag filter by a non-carer 403' },
  { method: 'POST', path: '/api/registry/residents', callers: REGISTRY_EDITORS, scope: 'own scope', refusals: [409, 422], note: 'in a household or grid the caller reaches; bad ID number 422, duplicate 409 (existingId only if visible)' },
  { method: 'GET', path: '/api/registry/residents/{id}', callers: REGISTRY_READERS, scope: 'own scope', note: 'a resident with its history, masked' },
  { method: 'PATCH', path: '/api/registry/residents/{id}', callers: REGISTRY_EDITORS, scope: 'own scope', refusals: [409, 422], note: 'with the version read (409 stale)' },
  { method: 'POST', path: '/api/registry/residents/{id}/leave', callers: REGISTRY_EDITORS, scope: 'own scope', refusals: [409, 422], note: 'moved away or died: out of the lists, kept in the history' },
  { method: 'POST', path: '/api/registry/residents/{id}/reveal', callers: ['communityStaff', 'gridWorker'], scope: 'own scope', refusals: [403], note: 'the phone to carers, the ID number to community staff (grid workers 403); audited' },
  { method: 'GET', path: '/api/registry/households', callers: REGISTRY_READERS, scope: 'own scope (list)', refusals: [403], note: 'households by address, member name, building, tag, grid' },
  { method: 'POST', path: '/api/registry/households', callers: REGISTRY_EDITORS, scope: 'own scope', refusals: [422], note: 'in a building\'s room or at an address in a grid the caller reaches' },
  { method: 'GET', path: '/api/registry/households/{id}', callers: REGISTRY_READERS, scope: 'own scope', note: 'the household file: members, hazards, cases there the caller sees, history' },
  { method: 'PATCH', path: '/api/registry/households/{id}', callers: REGISTRY_EDITORS, scope: 'own scope', refusals: [409, 422], note: 'with the version read (409 stale)' },
  { method: 'GET', path: '/api/registry/buildings', callers: REGISTRY_READERS, scope: 'own scope (list)', note: 'buildings by name, initials, address, grid' },
  { method: 'POST', path: '/api/registry/buildings', callers: REGISTRY_EDITORS, scope: 'own scope', refusals: [422], note: 'in the grid holding its location, which the caller reaches (else 422)' },
  { method: 'GET', path: '/api/registry/buildings/{id}', callers: REGISTRY_READERS, scope: 'own scope', note: 'a building with its places, things, hazards and history' },
  { method: 'PATCH', path: '/api/registry/buildings/{id}', callers: REGISTRY_EDITORS, scope: 'own scope', refusals: [409, 422], note: 'with the version read (409 stale); its households follow it' },
  { method: 'GET', path: '/api/registry/buildings/{id}/layout', callers: REGISTRY_READERS, scope: 'own scope', note: 'units × floors × rooms with households and their visible tags' },
  { method: 'GET', path: '/api/registry/places', callers: REGISTRY_READERS, scope: 'own scope (list)', note: 'places, contact phones masked' },
  { method: 'POST', path: '/api/registry/places', callers: REGISTRY_EDITORS, scope: 'own scope', refusals: [422], note: 'in the grid holding its location, which the caller reaches' },
  { method: 'GET', path: '/api/registry/places/{id}', callers: REGISTRY_READERS, scope: 'own scope', note: 'a place with its history' },
  { method: 'PATCH', path: '/api/registry/places/{id}', callers: REGISTRY_EDITORS, scope: 'own scope', refusals: [409, 422], note: 'with the version read (409 stale)' },
  { method: 'POST', path: '/api/registry/places/{id}/reveal', callers: ['communityStaff', 'gridWorker'], scope: 'own scope', note: 'the contact phone whole to carers; audited' },
  { method: 'GET', path: '/api/registry/things', callers: REGISTRY_READERS, scope: 'own scope (list)', note: 'risk points and facilities' },
  { method: 'POST', path: '/api/registry/things', callers: REGISTRY_EDITORS, scope: 'own scope', refusals: [422], note: 'in the grid holding its location, which the caller reaches' },
  { method: 'GET', path: '/api/registry/things/{id}', callers: REGISTRY_READERS, scope: 'own scope', note: 'a thing with inspections, hazards, cases and history' },
  { method: 'PATCH', path: '/api/registry/things/{id}', callers: REGISTRY_EDITORS, scope: 'own scope', refusals: [409, 422], note: 'with the version read (409 stale)' },
  { method: 'POST', path: '/api/registry/things/{id}/inspections', callers: REGISTRY_EDITORS, scope: 'own scope', refusals: [422], note: 'an inspection on a day not in the future' },
  { method: 'GET', path: '/api/registry/things/{id}/cases', callers: REGISTRY_READERS, scope: 'own scope', note: 'the cases reported at a thing of the caller\'s reach that the caller also sees as cases, newest first' },
  { method: 'GET', path: '/api/registry/things/nearby', callers: REGISTRY_READERS, scope: 'own scope (list)', note: 'the things of the caller\'s reach within 200 m of a point, for reporting at one (在部件处上报); residents name a thing only by its id, within 30 m' },
  { method: 'GET', path: '/api/registry/map-layers', callers: REGISTRY_READERS, scope: 'own scope (list)', refusals: [400], note: 'buildings, places and risk points of the caller\'s reach inside a map view (400 for a view wider than 0.5°)' },
  { method: 'GET', path: '/api/registry/hazards', callers: REGISTRY_READERS, scope: 'own scope (list)', note: 'the hazard ledger; overdue next checks' },
  { method: 'POST', path: '/api/registry/hazards', callers: REGISTRY_EDITORS, scope: 'own scope', refusals: [422], note: 'on a thing or a building the caller reaches' },
  { method: 'PATCH', path: '/api/registry/hazards/{id}', callers: REGISTRY_EDITORS, scope: 'own scope', refusals: [409, 422], note: 'a follow-up, with the version read (409 stale)' },
  // registry import and export (H3): imports are read by their importer and the admins of its scope only
  { method: 'GET', path: '/api/registry/templates/{kind}', callers: REGISTRY_EDITORS, scope: 'none', note: 'the .xlsx import template of a kind (headers, lists, notes)' },
  { method: 'POST', path: '/api/registry/imports', callers: REGISTRY_EDITORS, scope: 'creates own record', refusals: [400, 413, 415], note: 'an .xlsx or CSV file as the body, queued for the import job (202); rows outside the importer\'s reach are refused row by row' },
  { method: 'GET', path: '/api/registry/imports', callers: REGISTRY_EDITORS, scope: 'self', note: 'the caller\'s own latest imports' },
  { method: 'GET', path: '/api/registry/imports/{id}', callers: REGISTRY_EDITORS, scope: 'own records', note: 'an import\'s progress and problems: its importer, or an admin whose scope holds it; 404 otherwise' },
  { method: 'GET', path: '/api/registry/imports/{id}/report', callers: REGISTRY_EDITORS, scope: 'own records', refusals: [409], note: 'the refused rows as uploaded, with their reasons (409 while the import runs; 404 after 7 days)' },
  { method: 'GET', path: '/api/registry/exports/{kind}', callers: REGISTRY_READERS, scope: 'own scope (list)', refusals: [400, 403], note: 'a list with its filters as .xlsx, masked as the reader sees it, audited; a sensitive tag filter by a non-carer 403' },
  // 照单履职 (issue 12), the duty catalogs: a town of the caller's scope unit (or holding it; a district department's
  // scope names its district, whose towns' catalogs it reads and asks for duties in); decisions by the town's editors.
  // A read without orgUnitId by a caller scoped above the towns answers the first town of its scope (and lists them);
  // a write must name its town (400)
  { method: 'GET', path: '/api/duty-catalog', callers: DUTY_READERS, scope: 'own town', note: 'the town\'s three lists (镇街/村社区/网格), counts per level and list type, their 12-month trend, the hours a month of each level\'s doer; orgUnitId any unit of the scope' },
  { method: 'PATCH', path: '/api/duty-catalog/items/{id}', callers: DUTY_EDITORS, scope: 'own town', refusals: [409, 422], note: 'an item\'s text (name, description, basis, department) by an editor whose scope holds its town; stale 409, blank basis 422' },
  { method: 'POST', path: '/api/duty-catalog/items/{id}/retire', callers: DUTY_EDITORS, scope: 'own town', refusals: [409, 422], note: 'takes an item out with its reason; stale 409' },
  { method: 'GET', path: '/api/duty-catalog/admissions', callers: DUTY_READERS, scope: 'own town', note: 'the town\'s admission requests, pending first, with the hours each adds' },
  { method: 'POST', path: '/api/duty-catalog/admissions', callers: ADMISSION_REQUESTERS, scope: 'own town', refusals: [403, 422], note: 'a request for a new duty at the requester\'s level or below (above 403); a blank basis or a missing department 422; Idempotency-Key' },
  { method: 'POST', path: '/api/duty-catalog/admissions/{id}/approve', callers: DUTY_EDITORS, scope: 'own town', refusals: [409], note: 'the item enters the catalog with who approved it; decided already 409 ADMISSION_DECIDED' },
  { method: 'POST', path: '/api/duty-catalog/admissions/{id}/refuse', callers: DUTY_EDITORS, scope: 'own town', refusals: [409, 422], note: 'with the reason (blank 422); decided already 409 ADMISSION_DECIDED' },
  { method: 'GET', path: '/api/standing-duties', callers: DUTY_READERS, scope: 'own town', note: 'the town\'s standing duties D1…D7 (the platform\'s until edited)' },
  { method: 'PUT', path: '/api/standing-duties', callers: DUTY_EDITORS, scope: 'own town', refusals: [409, 422], note: 'the whole list, read at its version (409 stale); codes and kinds fixed (422)' },
  // 照单履职 (issue 12), the daily generation and staff absences (H2): a town wholly inside the caller's scope; absences of
  // the workers on the teams of grids inside it
  { method: 'POST', path: '/api/tasks/generate', callers: ['admin', 'leader'], scope: 'own scope', refusals: [422], note: 'runs the daily generation of the town holding orgUnitId now (the town must lie in the scope); idempotent; a day more than 7 days away 422; audited' },
  { method: 'GET', path: '/api/absences', callers: ['admin', 'leader', 'dispatcher', 'communityStaff'], scope: 'own scope (list)', note: 'absences of the workers of the grids in orgUnitId (the scope when absent)' },
  { method: 'POST', path: '/api/absences', callers: ['admin', 'leader', 'dispatcher', 'communityStaff'], scope: 'own scope', refusals: [422], note: 'a worker of a grid in the scope (404 otherwise) away from/to; their open tasks starting then go to colleagues; days that do not add up 422; audited; Idempotency-Key' },
  { method: 'DELETE', path: '/api/absences/{id}', callers: ['admin', 'leader', 'dispatcher', 'communityStaff'], scope: 'own scope', note: 'takes an absence of a worker in the scope back; audited' },
  // 照单履职 (issue 12), tasks, visits, campaigns and progress (H3): rows of grids in the caller's territory (a grid worker:
  // its team's grids); doers tick their own tasks and visit their grid's people; assigners and pushers give grids work
  { method: 'GET', path: '/api/tasks', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope (list)', note: 'assignee=me: the caller\'s list for a day in walking order; else the tasks of orgUnitId (404 outside the scope), paged' },
  { method: 'GET', path: '/api/tasks/{id}', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope', note: 'a task with its subject (sensitive tags for carers only)' },
  { method: 'POST', path: '/api/tasks/{id}/complete', callers: ['communityStaff', 'gridWorker'], scope: 'own scope', refusals: [403, 409, 422], note: 'its assignee ticks it off; someone else\'s 403 TASK_NOT_YOURS; reassigned/cancelled/done by another meanwhile 409 TASK_CONFLICT; twice: the first result; audited; Idempotency-Key' },
  { method: 'POST', path: '/api/tasks', callers: ['admin', 'leader', 'dispatcher', 'communityStaff'], scope: 'own scope', refusals: [422], note: 'an ad hoc task for a grid of the scope, to a worker of that grid (422 otherwise); audited; Idempotency-Key' },
  { method: 'GET', path: '/api/tasks/progress', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope', refusals: [422], note: 'figures of orgUnitId (default the scope), its children and its workers; a period backward or over a year 422' },
  { method: 'POST', path: '/api/task-campaigns', callers: ['admin', 'leader', 'dispatcher'], scope: 'own scope', refusals: [422], note: 'a campaign to grids of the scope (404 outside), one task per grid; audited; Idempotency-Key' },
  { method: 'GET', path: '/api/task-campaigns', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope (list)', note: 'campaigns with a grid in the scope, counting the tasks in it' },
  { method: 'POST', path: '/api/visits', callers: ['communityStaff', 'gridWorker'], scope: 'own scope', refusals: [422], note: 'a visit to a resident, household or place of the caller\'s grids (404 outside); far flagged; a future time 422; audited; Idempotency-Key' },
  { method: 'POST', path: '/api/visits/{id}/case', callers: ['communityStaff', 'gridWorker'], scope: 'own scope', refusals: [403, 422], note: 'a visit\'s finding reported as a case through intake, once; the visitor or community staff (others 403)' },
  { method: 'GET', path: '/api/visits', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope (list)', note: 'visits in the scope with positions and the far flag' },

  // partners (issue 13): webhooks to partners of a town, and other platforms' alerts
  { method: 'GET', path: '/api/webhooks', callers: ['admin', 'leader'], scope: 'own scope (list)', note: 'the webhooks of the towns in or holding the scope; secrets never shown again' },
  { method: 'POST', path: '/api/webhooks', callers: ['admin', 'leader'], scope: 'own town', refusals: [422], note: 'a webhook of townId (default the town holding the scope); the secret answered once, sealed at rest; a private or malformed target 422 WEBHOOK_INVALID; audited; Idempotency-Key' },
  { method: 'PUT', path: '/api/webhooks/{id}', callers: ['admin', 'leader'], scope: 'own town', refusals: [409, 422], note: 'a webhook of a town in or holding the scope; stale version 409; rotateSecret answers the new secret once; audited' },
  { method: 'POST', path: '/api/webhooks/{id}/test', callers: ['admin', 'leader'], scope: 'own town', refusals: [422], note: 'one signed test POST now, kept in the delivery log; audited' },
  { method: 'GET', path: '/api/webhooks/{id}/deliveries', callers: ['admin', 'leader'], scope: 'own town', note: 'the webhook\'s delivery log, newest first' },
  { method: 'POST', path: '/api/alerts', callers: 'public', scope: 'creates own record', refusals: [401, 422, 429], rateLimited: true, note: 'authenticated by the platform\'s X-Api-Key (401 API_KEY_INVALID); a case by its type → matter map on the platform\'s ground (422 ALERT_INVALID); idempotent on externalId' },
  { method: 'GET', path: '/api/alert-platforms', callers: ['admin'], scope: 'own scope (list)', note: 'platforms whose ground lies in the scope; keys never shown again' },
  { method: 'POST', path: '/api/alert-platforms', callers: ['admin'], scope: 'own scope', refusals: [409, 422], note: 'a platform on a district or town of the scope; the API key answered once, only its hash kept; audited' },
  { method: 'PUT', path: '/api/alert-platforms/{id}', callers: ['admin'], scope: 'own scope', refusals: [409, 422], note: 'name, ground, type → matter map, active; stale version 409; audited' },
  { method: 'POST', path: '/api/alert-platforms/{id}/key', callers: ['admin'], scope: 'own scope', refusals: [409], note: 'a new API key answered once; the old one refused at once; audited' },

  // alarms (issue 13): inside the caller's territory (whom their escalation notifies lies inside it)
  { method: 'GET', path: '/api/alarms', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope (list)', note: 'alarms in the scope (mine=1: only those notified to the caller), newest first; the bound person\'s name masked' },
  { method: 'GET', path: '/api/alarms/{id}', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope', note: 'an alarm in the scope, with its escalation steps and care order' },
  { method: 'POST', path: '/api/alarms/{id}/acknowledge', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope', refusals: [409], note: 'stops the escalation; not active 409 ALARM_STATE_CONFLICT, stale version 409 CONFLICT; on the care order\'s timeline; audited' },
  { method: 'POST', path: '/api/alarms/{id}/clear', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope', refusals: [400, 409], note: 'ends the alarm; a care or safety alarm without a note 400; cleared already 409 ALARM_STATE_CONFLICT, stale version 409 CONFLICT; on the care order\'s timeline; audited' },

  // devices (issue 13): inside the caller's territory (a grid worker: its team's grids), bound to registry records it reaches
  { method: 'GET', path: '/api/devices', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope (list)', note: 'devices in the territory with state, battery, last seen; the bound person\'s name masked' },
  { method: 'POST', path: '/api/devices', callers: ['admin', 'leader', 'dispatcher', 'communityStaff'], scope: 'own scope', refusals: [422], note: 'bound to a resident, household or place the caller reaches (else 422 DEVICE_BINDING_INVALID); grid and point from the record; the token answered once, only its SHA-256 kept; rules armed; audited; Idempotency-Key' },
  { method: 'GET', path: '/api/devices/{id}', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope', note: 'a device with its binding masked, its rules with overrides, alarms and figures' },
  { method: 'PATCH', path: '/api/devices/{id}', callers: ['admin', 'leader', 'dispatcher', 'communityStaff'], scope: 'own scope', refusals: [403, 409, 422], note: 'name, profile, rebind (to a record in reach), overrides (admin and leaders only: 403 otherwise); stale version 409; rules re-armed; audited' },
  { method: 'POST', path: '/api/devices/{id}/retire', callers: ['admin', 'leader', 'dispatcher', 'communityStaff'], scope: 'own scope', refusals: [409, 422], note: 'its token refused from now, its rules stopped; stale 409, retired already 422; audited' },
  { method: 'POST', path: '/api/devices/{id}/token', callers: ['admin', 'leader', 'dispatcher', 'communityStaff'], scope: 'own scope', refusals: [422], note: 'a new device token answered once, the old one refused; audited' },
  { method: 'GET', path: '/api/devices/{id}/readings', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope', note: 'a device\'s readings between from and to, newest first' },
  { method: 'POST', path: '/api/devices/{id}/readings', callers: 'public', scope: 'self', refusals: [401, 422, 429], rateLimited: true, note: 'device-token auth (Authorization: Bearer <device token>): 401 DEVICE_TOKEN_INVALID for a wrong, missing, rotated or retired token or an unknown device; 422 READING_INVALID, nothing stored; answered after commit; per-device rate limit' },
  { method: 'GET', path: '/api/device-profiles', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope (list)', note: 'the platform\'s profiles and those of towns in or holding the scope; devices counted in the territory' },
  { method: 'GET', path: '/api/device-profiles/{id}/rules', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope', note: 'a profile\'s rules and escalation with its version' },
  { method: 'PUT', path: '/api/device-profiles/{id}/rules', callers: ['admin', 'leader'], scope: 'own scope', refusals: [403, 409, 422], note: 'the next version; 403 for a profile used by devices outside the caller\'s territory (admin excepted); stale 409; bad rules 422 RULE_INVALID; devices re-armed; audited' },
  { method: 'GET', path: '/api/device-profiles/{id}/rules/preview', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope', note: 'the saved rules over a device\'s last day of readings (the device in the territory, else 404); nothing stored' },
  { method: 'POST', path: '/api/device-profiles/{id}/rules/preview', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope', refusals: [422], note: 'draft rules over a device\'s last day of readings; bad rules 422; nothing stored' },

  // 数字预案 (issue 14): the plans of the towns in or holding the scope; editors write and retire them; phones masked for readers
  { method: 'GET', path: '/api/plans', callers: ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff'], scope: 'own scope (list)', note: 'plans of the towns in or holding the scope (a community\'s staff read their town\'s), filtered by hazard, status, words' },
  { method: 'POST', path: '/api/plans', callers: ['admin', 'leader'], scope: 'own town', refusals: [422], note: 'version 1 of a plan of townId (default the town holding the scope); the rules, the town\'s current matter, posts and staff back-ups checked (422 PLAN_INVALID); contact phones sealed; audited; Idempotency-Key' },
  { method: 'GET', path: '/api/plans/{id}', callers: ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff'], scope: 'own town', note: 'a plan of a town in or holding the scope with its current body and versions; contact phones masked, whole for editors and commanders (that read audited)' },
  { method: 'PUT', path: '/api/plans/{id}', callers: ['admin', 'leader'], scope: 'own town', refusals: [409, 422], note: 'the next version; stale version 409 CONFLICT, retired 409 PLAN_RETIRED, 422 PLAN_INVALID; audited' },
  { method: 'POST', path: '/api/plans/{id}/retire', callers: ['admin', 'leader'], scope: 'own town', refusals: [409], note: 'retired with a reason (then never saved, started or matched); retired already 409 PLAN_RETIRED; audited' },
  { method: 'GET', path: '/api/plans/{id}/versions', callers: ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff'], scope: 'own town', note: 'the saved versions, newest first' },
  { method: 'GET', path: '/api/plans/{id}/versions/{version}', callers: ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff'], scope: 'own town', note: 'one saved version with its body, contact phones masked' },
  // incidents (issue 14): the command center starts the plans of the towns in or holding its scope, changes the level, stands down
  { method: 'POST', path: '/api/plans/{id}/activate', callers: ['admin', 'leader', 'dispatcher'], scope: 'own town', refusals: [409, 422], note: 'all or nothing: incident, roles, one dispatched work order per step, CAP alert; retired 409 PLAN_RETIRED; 422 PLAN_LEVEL_INVALID / PLAN_ROLE_UNSTAFFED / PLAN_INVALID / CAP_INVALID; idempotent on Idempotency-Key and on the trigger; audited' },
  { method: 'GET', path: '/api/incidents', callers: ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff'], scope: 'own scope (list)', note: 'incidents of the towns in or holding the scope, drills and real ones apart by drill=' },
  { method: 'GET', path: '/api/incidents/{id}', callers: ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff'], scope: 'own town', note: 'the command page: steps with work orders, roles, resources (phones masked unless a commander; that read audited), log, CAP alerts' },
  { method: 'POST', path: '/api/incidents/{id}/level', callers: ['admin', 'leader', 'dispatcher'], scope: 'own town', refusals: [409, 422], note: 'raises (adds the steps the level reaches) or lowers; same or unknown level 422 PLAN_LEVEL_INVALID; stood down 409; audited' },
  { method: 'POST', path: '/api/incidents/{id}/stand-down', callers: ['admin', 'leader', 'dispatcher'], scope: 'own town', refusals: [409], note: 'closes with a reason, open steps left and listed, Cancel alert; stood down 409; audited' },
  { method: 'POST', path: '/api/incidents/{id}/steps/{stepKey}/checks', callers: ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff', 'gridWorker'], scope: 'own town', refusals: [409], note: 'a commander of the town, or a holder of the step\'s work order (its post\'s holders, its staff assignee); the last tick completes the step and hands the work order in; stood down or finished 409; audited; Idempotency-Key' },
  { method: 'GET', path: '/api/incidents/{id}/review', callers: ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff'], scope: 'own scope', refusals: [409], note: 'the after-action review of a stood-down incident in the scope (JSON, PDF or xlsx); still active 409 INCIDENT_STATE_CONFLICT; no personal data (names of the staff who acted, no phones)' },
  { method: 'GET', path: '/api/incidents/figures', callers: ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff'], scope: 'own scope (list)', note: 'counts and times of the incidents started in the scope (and a unit in it), drills or real ones, never both' },
  // plan suggestions (issue 14): the trigger service's matches of the towns in the scope; the command center dismisses them
  { method: 'GET', path: '/api/plan-suggestions', callers: ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff'], scope: 'own scope (list)', note: 'alarms, cases and platform alerts that matched a plan of a town in the scope (open, activated with the incident, dismissed with the reason, failed with why)' },
  { method: 'POST', path: '/api/plan-suggestions/{id}/dismiss', callers: ['admin', 'leader', 'dispatcher'], scope: 'own scope', refusals: [409], note: 'not started, with a reason; no longer open 409 INCIDENT_STATE_CONFLICT; audited' },
  { method: 'GET', path: '/api/incidents/{id}/cap/{seq}.xml', callers: ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff'], scope: 'own scope', note: 'the incident\'s n-th CAP 1.2 alert as XML (application/cap+xml); no personal data' },
  // 矛盾纠纷 (issue 15): staff read the disputes of their scope, a department those pushed to it, a resident those they are a party of
  { method: 'GET', path: '/api/disputes/classes', callers: ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff', 'gridWorker', 'department', 'resident'], scope: 'none', note: 'the class catalog (18 classes of 人民调解 statistics, subclasses <class>-<nn>); no personal data' },
  { method: 'POST', path: '/api/disputes/classes', callers: ['admin'], scope: 'none', refusals: [409, 422], note: 'a new class; code in use 409 CONFLICT; repeated subclass names 422 DISPUTE_INVALID; audited' },
  { method: 'PUT', path: '/api/disputes/classes/{code}', callers: ['admin'], scope: 'none', refusals: [422], note: 'rename, add or retire subclasses, retire the class; audited' },
  { method: 'GET', path: '/api/disputes', callers: ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff', 'gridWorker', 'department', 'resident'], scope: 'own scope (list)', note: 'disputes under the scope path; a department\'s members those pushed to their departments; a resident those with a party of their account\'s phone; parties masked' },
  { method: 'POST', path: '/api/disputes', callers: ['dispatcher', 'handler', 'communityStaff', 'gridWorker'], scope: 'own scope', refusals: [422], note: 'registers a dispute of the scope (a point outside it 422 DISPUTE_INVALID) with sealed parties, risk and tier by the rules and its work order in the loop; 422 DISPUTE_CLASS_UNKNOWN / DISPUTE_TIER_REASON_REQUIRED / LOCATION_OUTSIDE_GRIDS; audited; Idempotency-Key' },
  { method: 'GET', path: '/api/disputes/{id}', callers: ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff', 'gridWorker', 'department', 'resident'], scope: 'own scope', note: 'the dispute page as the list reaches it; parties masked (a resident\'s own party whole); unmask=true by DISPUTE_HANDLERS of the scope only (else 403), audited dispute.parties.read' },
  { method: 'POST', path: '/api/disputes/{id}/actions/push', callers: ['dispatcher', 'handler', 'communityStaff', 'gridWorker'], scope: 'own scope', refusals: [409, 422], note: 'to a department of the town\'s district or a named unit, due in working days; audited' },
  { method: 'POST', path: '/api/disputes/{id}/actions/reply', callers: ['dispatcher', 'handler', 'communityStaff', 'gridWorker', 'department'], scope: 'own scope', refusals: [409, 422], note: 'a member of the referral\'s department, or a handler of the scope; a referral done 409; audited' },
  { method: 'POST', path: '/api/disputes/{id}/actions/litigate', callers: ['dispatcher', 'handler', 'communityStaff', 'gridWorker'], scope: 'own scope', refusals: [409, 422], note: '诉调对接: status litigation with the court\'s case number; audited' },
  { method: 'POST', path: '/api/disputes/{id}/actions/change-tier', callers: ['dispatcher', 'handler', 'communityStaff', 'gridWorker'], scope: 'own scope', refusals: [409, 422], note: 'another tier and handling unit with a reason; audited' },
  { method: 'POST', path: '/api/disputes/{id}/actions/assess-risk', callers: ['dispatcher', 'handler', 'communityStaff', 'gridWorker'], scope: 'own scope', refusals: [409, 422], note: 'the risk by the rules from the factors given; audited' },
  { method: 'POST', path: '/api/disputes/{id}/actions/close', callers: ['dispatcher', 'handler', 'communityStaff', 'gridWorker'], scope: 'own scope', refusals: [409, 422], note: 'closed with a reason, the work order handed in when the closer may; audited' },
  { method: 'POST', path: '/api/disputes/{id}/actions/reopen', callers: ['dispatcher', 'handler', 'communityStaff', 'gridWorker'], scope: 'own scope', refusals: [409, 422], note: 'a resolved or closed dispute flared up: a new dispute of the chain with a new work order; reopened already 409; audited; Idempotency-Key' },
  // mediations, the 人民调解协议书, follow-ups and the signed paper (H3): the handlers of the dispute's scope
  { method: 'POST', path: '/api/disputes/{id}/mediations', callers: ['dispatcher', 'handler', 'communityStaff', 'gridWorker'], scope: 'own scope', refusals: [409, 422], note: 'a session (attendees\' names sealed); a numbered 协议书 when resolved/partial with terms; resolves an open dispute; closed or litigation 409, in the future or an unknown party 422; audited; Idempotency-Key' },
  { method: 'GET', path: '/api/disputes/{id}/agreement', callers: ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff', 'gridWorker', 'department', 'resident'], scope: 'own scope', refusals: [403], note: 'the 协议书 (PDF/Word) with the parties whole: DISPUTE_HANDLERS of the scope only, other readers of the dispute 403; audited dispute.agreement.download' },
  { method: 'GET', path: '/api/disputes/{id}/signed-scan', callers: ['dispatcher', 'handler', 'communityStaff', 'gridWorker'], scope: 'own scope', note: 'signed URLs of the signed paper\'s photo (parties whole); audited dispute.signed_scan.read' },
  { method: 'POST', path: '/api/disputes/{id}/actions/follow-up', callers: ['dispatcher', 'handler', 'communityStaff', 'gridWorker'], scope: 'own scope', refusals: [409, 422], note: '回访 of a resolved or closed dispute; a broken agreement suggests reopening; audited; Idempotency-Key' },
  { method: 'POST', path: '/api/disputes/{id}/actions/attach-signed', callers: ['dispatcher', 'handler', 'communityStaff', 'gridWorker'], scope: 'own scope', refusals: [409, 422], note: 'the photo (POST /api/files) of the signed 协议书 of a session with an agreement; unknown hash 422 PHOTO_UNKNOWN; audited' },
  // sweeps (大排查) of the towns in or holding the scope, and the figures of a unit of the scope
  { method: 'GET', path: '/api/disputes/sweeps', callers: ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff', 'gridWorker'], scope: 'own scope (list)', note: 'sweeps of the towns in or holding the scope, with answered/missing counts' },
  { method: 'POST', path: '/api/disputes/sweeps', callers: ['admin', 'leader', 'dispatcher'], scope: 'own town', refusals: [422], note: 'a sweep of a town in the scope (default the town holding it; a scope of several towns names one, else 422); due day today or later; audited; Idempotency-Key' },
  { method: 'GET', path: '/api/disputes/sweeps/mine', callers: ['gridWorker'], scope: 'self', note: 'the open sweeps of the caller\'s grids' },
  { method: 'GET', path: '/api/disputes/sweeps/{id}', callers: ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff', 'gridWorker'], scope: 'own town', note: 'every grid of the town answered or not, the missing grids, reporters\' names (staff)' },
  { method: 'POST', path: '/api/disputes/sweeps/{id}/reports', callers: ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff', 'gridWorker'], scope: 'own town', refusals: [403, 422], note: 'a grid\'s answer by its grid worker or staff whose scope holds it (else 403); disputes of that grid only (422); a later answer replaces the earlier; audited' },
  { method: 'GET', path: '/api/disputes/stats', callers: ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff'], scope: 'own scope', note: 'counts of the disputes registered in a period under a unit of the scope; no personal data' },
  // 大综合一体化执法 (issue 15): the matter list the city publishes reaches the towns below it; enforcement cases of the scope;
  // officers (handlers) open and work them, legal review by leaders who are not officers of the case
  { method: 'GET', path: '/api/enforcement/matters', callers: ['admin', 'leader', 'dispatcher', 'handler'], scope: 'own scope (list)', note: 'matters published by a unit holding the scope (the city\'s list); no personal data' },
  { method: 'POST', path: '/api/enforcement/matters', callers: ['admin'], scope: 'own scope', refusals: [422], note: 'creates or replaces a matter of the caller\'s unit by its code (a code of a unit outside the scope 403); the benchmark rules 422 ENFORCEMENT_INVALID; audited' },
  { method: 'GET', path: '/api/enforcement/matters/{code}', callers: ['admin', 'leader', 'dispatcher', 'handler'], scope: 'own scope', note: 'a matter of the list reaching the scope; no personal data' },
  { method: 'GET', path: '/api/enforcement/matters/{code}/benchmarks', callers: ['admin', 'leader', 'dispatcher', 'handler'], scope: 'own scope', note: 'the matter\'s facts and benchmarks; no personal data' },
  { method: 'GET', path: '/api/enforcement/cases', callers: ['admin', 'leader', 'dispatcher', 'handler'], scope: 'own scope (list)', note: 'cases under the scope path; a person\'s name masked' },
  { method: 'POST', path: '/api/enforcement/cases', callers: ['handler'], scope: 'own scope', refusals: [409, 422], note: 'from a loop case the officer sees (its category the matter\'s; one per loop case, else 409), an inspection or a point inside the scope (outside 403); facts by the benchmarks 422 ENFORCEMENT_FACT_MISSING / ENFORCEMENT_INVALID / ENFORCEMENT_NO_BENCHMARK; subject\'s ID number and phone sealed; audited; Idempotency-Key' },
  { method: 'GET', path: '/api/enforcement/cases/by-loop-case/{caseId}', callers: ['admin', 'leader', 'dispatcher', 'handler'], scope: 'own scope', note: 'the enforcement case of a loop case when it lies in the scope, else 404; subject masked' },
  { method: 'GET', path: '/api/enforcement/cases/{id}', callers: ['admin', 'leader', 'dispatcher', 'handler'], scope: 'own scope', note: 'the case page; subject masked; unmask=true by officers and reviewers only (else 403), audited enforcement.subject.read' },
  { method: 'POST', path: '/api/enforcement/cases/{id}/actions/update-facts', callers: ['handler'], scope: 'own scope', refusals: [409, 422], note: 'the facts replaced, the band proposed again; investigating only (else 409); audited' },
  { method: 'POST', path: '/api/enforcement/cases/{id}/actions/add-evidence', callers: ['handler'], scope: 'own scope', refusals: [409, 422], note: 'a photo, video, statement or document (an uploaded file\'s hash; unknown 422 PHOTO_UNKNOWN); audited' },
  { method: 'POST', path: '/api/enforcement/cases/{id}/actions/confirm-band', callers: ['handler'], scope: 'own scope', refusals: [409, 422], note: 'the benchmark and penalty; a departure without its reason 422 ENFORCEMENT_DEPARTURE_REASON_REQUIRED; audited' },
  { method: 'POST', path: '/api/enforcement/cases/{id}/actions/review', callers: ['leader'], scope: 'own scope', refusals: [409, 422], note: '法制审核 by a leader of the scope who is not an officer of the case (else 422 ENFORCEMENT_SELF_REVIEW): approve or return; audited' },
  { method: 'POST', path: '/api/enforcement/cases/{id}/actions/decide', callers: ['handler'], scope: 'own scope', refusals: [409, 422], note: 'after legal review (else 422 ENFORCEMENT_REVIEW_REQUIRED; decided 409); the decision numbered; audited' },
  { method: 'POST', path: '/api/enforcement/cases/{id}/actions/pay', callers: ['handler'], scope: 'own scope', refusals: [409, 422], note: 'a decided fine paid (the amount decided, else 422); audited' },
  { method: 'POST', path: '/api/enforcement/cases/{id}/actions/execute', callers: ['handler'], scope: 'own scope', refusals: [409, 422], note: 'a decided warning or confiscation carried out (a fine 422); audited' },
  { method: 'POST', path: '/api/enforcement/cases/{id}/actions/close', callers: ['handler'], scope: 'own scope', refusals: [409, 422], note: 'closed; the loop case handed in when the officer may; audited' },
  { method: 'POST', path: '/api/enforcement/cases/{id}/actions/drop', callers: ['handler'], scope: 'own scope', refusals: [409, 422], note: 'dropped with a reason before the decision (else 409); audited' },
  // 执法监管一件事 and the enforcement figures (issue 15): the town's enforcement readers see the joint inspections of their
  // scope; its officers (handlers) plan and answer them; the decision document whole for the officers and legal reviewers
  { method: 'GET', path: '/api/enforcement/checklists', callers: ['admin', 'leader', 'dispatcher', 'handler'], scope: 'none', note: 'the departments\' inspection checklists (a catalog); no personal data' },
  { method: 'GET', path: '/api/enforcement/inspections', callers: ['admin', 'leader', 'dispatcher', 'handler'], scope: 'own scope (list)', note: 'joint inspections of places under the scope path, with departments, issues and visits saved' },
  { method: 'POST', path: '/api/enforcement/inspections', callers: ['handler'], scope: 'own scope', refusals: [422], note: 'a registry place of the scope or a point inside its grids (else 422); checklists of ≥ 2 departments (else 422 INSPECTION_INVALID); inspectors of the town; audited; Idempotency-Key' },
  { method: 'GET', path: '/api/enforcement/inspections/{id}', callers: ['admin', 'leader', 'dispatcher', 'handler'], scope: 'own scope', note: 'the inspection with its answers, inspectors and the enforcement cases opened from it; no personal data' },
  { method: 'POST', path: '/api/enforcement/inspections/{id}/results', callers: ['handler'], scope: 'own scope', refusals: [409, 422], note: 'every item answered once (else 422), done 409 (a retry with its Idempotency-Key answers it); an enforcement case opened in the same transaction; audited' },
  { method: 'GET', path: '/api/enforcement/cases/{id}/decision', callers: ['leader', 'handler'], scope: 'own scope', refusals: [409], note: '行政处罚决定书 (PDF/Word) of a decided case: the subject\'s ID number and phone whole, each download audited enforcement.decision.download; not decided 409' },
  { method: 'GET', path: '/api/enforcement/stats', callers: ['admin', 'leader', 'dispatcher', 'handler'], scope: 'own scope', note: 'counts of the cases and inspections of a unit inside the scope (another unit 404); no personal data' },
  // 党员亮身份、践承诺、评星级 and 微阵地 (issue 16): staff read the party members of their scope with names; a resident those
  // of their community, names masked; organisers (community staff, grid workers, dispatchers) of the scope write
  { method: 'GET', path: '/api/volunteers/party-posts', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker', 'resident'], scope: 'own scope (list)', note: '微阵地 of the scope and of units holding it; a resident: of their community, its grids and the units holding it' },
  { method: 'POST', path: '/api/volunteers/party-posts', callers: ['communityStaff', 'gridWorker', 'dispatcher'], scope: 'own scope', refusals: [422], note: 'a post of a town, community or grid of the scope (another level or a name the unit has 422); audited; Idempotency-Key' },
  { method: 'GET', path: '/api/volunteers/party-members', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker', 'resident'], scope: 'own scope (list)', note: 'party members of the registry under the scope with names and ids; a resident: their community\'s, names masked (张*) but their own, no ids or star notes' },
  { method: 'PUT', path: '/api/volunteers/party-members/{residentId}/commitments', callers: ['communityStaff', 'gridWorker', 'dispatcher'], scope: 'own scope', refusals: [422], note: 'a party member under the scope (not a party member, a year out of range, no commitments or a post of another community 422); audited' },
  { method: 'POST', path: '/api/volunteers/party-members/{residentId}/stars', callers: ['communityStaff', 'gridWorker', 'dispatcher'], scope: 'own scope', refusals: [422], note: '1–5 stars for a year with commitments, this year or earlier (else 422); audited' },
  // 三事分流, 三会, 议题 and 邻里互助 (issue 16, H2): staff read the matters and help requests of their scope and the councils
  // and proposals in or above it; a resident their own matters, their area's councils and proposals, their help requests and
  // the open ones of their grid; PARTICIPATION_STAFF of the scope class matters and run the councils' proposals
  { method: 'GET', path: '/api/participation/matters', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker', 'resident'], scope: 'own scope (list)', note: 'matters under the scope path; a resident their own (entered by them or about their registry person)' },
  { method: 'POST', path: '/api/participation/matters', callers: ['dispatcher', 'communityStaff', 'gridWorker', 'resident'], scope: 'own scope', refusals: [422], note: 'a resident\'s own (not in the registry 422); staff for a registry person or a point of their scope (else 422); the suggested class; audited; Idempotency-Key' },
  { method: 'GET', path: '/api/participation/matters/{id}', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker', 'resident'], scope: 'own scope', note: 'the matter with suggestion, class, links and events' },
  { method: 'POST', path: '/api/participation/matters/{id}/actions/class', callers: ['dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope', refusals: [409, 422], note: 'public → a case, shared → a proposal, private → a help request; a class other than suggested without reason 422; classed already 409; audited' },
  { method: 'POST', path: '/api/participation/matters/{id}/actions/reclass', callers: ['dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope', refusals: [409, 422], note: 'with a reason, while the earlier path is open (a case, a proposal past open, a help request taken 409); audited' },
  { method: 'GET', path: '/api/councils', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker', 'resident'], scope: 'own scope (list)', note: 'councils in or above the scope; a resident those of their grid, community and town' },
  { method: 'GET', path: '/api/councils/{id}', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker', 'resident'], scope: 'own scope', note: 'the council with its open proposals' },
  { method: 'PUT', path: '/api/councils/{id}', callers: ['leader', 'dispatcher', 'communityStaff'], scope: 'own scope', note: 'party organisation and leader by PARTICIPATION_LEADS whose scope holds the council; audited' },
  { method: 'GET', path: '/api/proposals', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker', 'resident'], scope: 'own scope (list)', note: 'proposals of councils in or above the scope; a resident their area\'s; proposers masked for residents' },
  { method: 'POST', path: '/api/proposals', callers: ['dispatcher', 'communityStaff', 'gridWorker', 'resident'], scope: 'own scope', refusals: [422], note: 'a resident on their area\'s council (default their grid\'s; not in the registry 422); staff on a council of their scope (none named 422); audited; Idempotency-Key' },
  { method: 'GET', path: '/api/proposals/{id}', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker', 'resident'], scope: 'own scope', note: 'supports, comments (masked for residents), ratings, timeline, meetings' },
  { method: 'POST', path: '/api/proposals/{id}/support', callers: ['resident'], scope: 'own scope', refusals: [409, 422], note: 'once per registry person (idempotent 200, counted false the second time); not open 409; not in the registry 422' },
  { method: 'POST', path: '/api/proposals/{id}/comments', callers: ['dispatcher', 'communityStaff', 'gridWorker', 'resident'], scope: 'own scope', refusals: [409, 422], note: 'residents of its area and staff of its scope while open or scheduled; audited' },
  { method: 'POST', path: '/api/proposals/{id}/rating', callers: ['resident'], scope: 'own scope', refusals: [409, 422], note: '1–5 stars of a done result, once per registry person (second 409); audited' },
  { method: 'POST', path: '/api/proposals/{id}/actions/decide', callers: ['dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope', refusals: [409, 422], note: 'open | scheduled → decided; audited' },
  { method: 'POST', path: '/api/proposals/{id}/actions/reject', callers: ['dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope', refusals: [409], note: 'open | scheduled → rejected with reason; audited' },
  { method: 'POST', path: '/api/proposals/{id}/actions/start', callers: ['dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope', refusals: [409], note: 'decided → inProgress; audited' },
  { method: 'POST', path: '/api/proposals/{id}/actions/report-result', callers: ['dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope', refusals: [409], note: 'inProgress → done with the result; audited' },
  { method: 'POST', path: '/api/proposals/{id}/actions/send-up', callers: ['dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope', refusals: [409], note: 'a new proposal on the council above, this one sentUp; a town\'s 409; audited' },
  { method: 'GET', path: '/api/help-requests', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker', 'resident'], scope: 'own scope (list)', note: 'help requests under the scope; a resident theirs, those they took and the open ones of their grid, names masked' },
  { method: 'POST', path: '/api/help-requests', callers: ['communityStaff', 'gridWorker', 'dispatcher', 'resident'], scope: 'own scope', refusals: [422], note: 'a resident for themself (not in the registry 422); organisers for a registry person of the scope (else 422); audited; Idempotency-Key' },
  { method: 'GET', path: '/api/help-requests/{id}', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker', 'resident'], scope: 'own scope', note: 'the request with requester and helper (masked for other residents) and the helper\'s points' },
  { method: 'POST', path: '/api/help-requests/{id}/actions/take', callers: ['communityStaff', 'gridWorker', 'dispatcher', 'resident'], scope: 'own scope', refusals: [409, 422], note: 'open → taken by a resident of its grid or a helper organisers name; audited' },
  { method: 'POST', path: '/api/help-requests/{id}/actions/done', callers: ['communityStaff', 'gridWorker', 'dispatcher', 'resident'], scope: 'own scope', refusals: [409], note: 'taken → done; the helper\'s helpDone points once; audited' },
  { method: 'POST', path: '/api/help-requests/{id}/actions/cancel', callers: ['communityStaff', 'gridWorker', 'dispatcher', 'resident'], scope: 'own scope', refusals: [409], note: 'open | taken → cancelled by organisers or the requester; audited' },
  // 议事活动, 表决 and 金点子 (issue 16): staff read the meetings of councils in or above their scope, residents those of their
  // area's councils (grid, community, town); the council's staff (scope holds it) run them; votes rest on the registry person
  { method: 'GET', path: '/api/meetings', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker', 'resident'], scope: 'own scope (list)', note: 'meetings of the councils in or above the scope; a resident: of the councils of their grid, community and town' },
  { method: 'POST', path: '/api/meetings', callers: ['dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope', refusals: [409, 422], note: 'a council of the scope (else 404); agenda of its open proposals (else 422 / 409 PROPOSAL_STATE_CONFLICT); audited; Idempotency-Key' },
  { method: 'GET', path: '/api/meetings/{id}', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker', 'resident'], scope: 'own scope', note: 'agenda, attendance (names for staff of its scope, a count for residents), comments (masked to residents), motions with rules, my vote (no choice when secret), results when closed' },
  { method: 'POST', path: '/api/meetings/{id}/actions/{action}', callers: ['dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope', refusals: [403, 409, 422], note: 'open / close / cancel by staff whose scope holds the council (a reader above it 403); status 409; cancel without reason 422; audited' },
  { method: 'PUT', path: '/api/meetings/{id}/minutes', callers: ['dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope', refusals: [403, 409], note: 'minutes of an open or closed meeting by its council\'s staff; audited' },
  { method: 'GET', path: '/api/meetings/{id}/checkin', callers: ['dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope', refusals: [403], note: 'the sign-in token for the QR code, to its council\'s staff; reading it audited' },
  { method: 'POST', path: '/api/meetings/{id}/attendance', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker', 'resident'], scope: 'own scope', refusals: [403, 409, 422], note: 'once per registry person: a resident by token or online (not in the registry 422), staff of the council for a residentId; audited' },
  { method: 'POST', path: '/api/meetings/{id}/comments', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker', 'resident'], scope: 'own scope', refusals: [409], note: 'a comment on a scheduled or open meeting the caller reads; audited; Idempotency-Key' },
  { method: 'POST', path: '/api/meetings/{id}/motions', callers: ['dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope', refusals: [403, 409, 422], note: 'a motion with rules (422); electorate anyone needs a confirmed loosening (422 VOTE_LOOSENING_UNCONFIRMED) by a lead (403), audited participation.vote.loosen; Idempotency-Key' },
  { method: 'POST', path: '/api/meetings/{id}/votes', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker', 'resident'], scope: 'own scope', refusals: [403, 409, 422], note: 'one vote per person/household by the primary key across channels (409 VOTE_DUPLICATE), closed 409 VOTE_CLOSED, not eligible 403 VOTE_NOT_ELIGIBLE, not in the registry 422; staff record for residentId; secret ballots unlinked; audited' },
  { method: 'POST', path: '/api/meetings/{id}/motions/{motionId}/close', callers: ['dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope', refusals: [403, 409], note: 'the tally stored; closed already 409 VOTE_CLOSED; audited' },
  { method: 'GET', path: '/api/ideas', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker', 'resident'], scope: 'own scope (list)', note: 'ideas under the scope; a resident: their town\'s (rejected ones only their own), authors masked but their own' },
  { method: 'POST', path: '/api/ideas', callers: ['resident'], scope: 'creates own record', refusals: [422], note: 'to the resident\'s town, under their grid; audited; Idempotency-Key' },
  { method: 'GET', path: '/api/ideas/top', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker', 'resident'], scope: 'own town', note: 'the published top ten of a town\'s quarter, else the live ranking; authors masked for residents' },
  { method: 'POST', path: '/api/ideas/top', callers: ['leader', 'dispatcher', 'communityStaff'], scope: 'own town', refusals: [403, 409, 422], note: 'publishes the snapshot: leads whose scope holds the town (inside it 403); once per town and quarter 409; audited' },
  { method: 'GET', path: '/api/ideas/{id}', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker', 'resident'], scope: 'own scope', note: 'one idea as the list reaches it' },
  { method: 'POST', path: '/api/ideas/{id}/support', callers: ['resident'], scope: 'own scope', refusals: [409, 422], note: 'once per registry person (repeat 200); not in the registry 422; rejected/answered 409; audited' },
  { method: 'POST', path: '/api/ideas/{id}/actions/{action}', callers: ['dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope', refusals: [403, 409, 422], note: 'screen (accepting awards the author) / respond by staff of the idea\'s scope; state 409; audited' },
  // 微积分 points (issue 16, H4): rules of a community, the ledger and assessments. Staff reach households and assessments
  // under their scope and the rules of communities in or holding it; a resident their own household's and person's
  // points and their community's published rules. Writes: communityStaff of the community (peer review: grid workers).
  { method: 'GET', path: '/api/points/rules', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker', 'resident'], scope: 'own scope', refusals: [422], note: 'a community\'s rules: staff the draft and publication of a community in or holding their scope; a resident their own community\'s published rules (another 404); no community chosen 422' },
  { method: 'PUT', path: '/api/points/rules', callers: ['communityStaff'], scope: 'own scope', refusals: [403, 409, 422], note: 'the whole draft set by keepers whose scope holds the community (403 for one above them); stale version 409; refusals 422 POINTS_INVALID; codes left out retired; audited' },
  { method: 'POST', path: '/api/points/rules/publish', callers: ['communityStaff'], scope: 'own scope', refusals: [403, 422], note: 'publishes the active rules to residents; none 422; audited' },
  { method: 'POST', path: '/api/points/awards', callers: ['communityStaff'], scope: 'own scope', refusals: [403, 422], note: 'a published rule applied to a household/person of the scope (else 404); once per rule, subject and eventRef (repeat 200); cap reached or unknown rule 422 POINTS_INVALID; empty account 422 POINTS_INSUFFICIENT; audited; Idempotency-Key' },
  { method: 'POST', path: '/api/points/transactions/{id}/reverse', callers: ['communityStaff'], scope: 'own scope', refusals: [403, 409, 422], note: 'a reversing transaction; outside the scope 404 POINTS_ENTRY_UNKNOWN; reversed 409 POINTS_ALREADY_REVERSED; points spent 422 POINTS_INSUFFICIENT; audited; Idempotency-Key' },
  { method: 'GET', path: '/api/points/accounts', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope (list)', note: 'households of the scope with balances; head\'s name to staff only' },
  { method: 'GET', path: '/api/points/accounts/{subject}', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker', 'resident'], scope: 'own records', refusals: [422], note: 'a household or person of the scope; a resident only their own household and person (or me; not in the registry 422), names masked; another 404' },
  { method: 'GET', path: '/api/points/reconciliations', callers: ['admin', 'leader', 'communityStaff'], scope: 'own scope (list)', note: 'runs; accounts that disagree with their entries of the scope (all and unbalanced transactions for the admin); no personal data' },
  { method: 'POST', path: '/api/points/reconciliations', callers: ['admin'], scope: 'none', note: 'reconciles now; a mismatch audited points.reconcile.mismatch' },
  { method: 'GET', path: '/api/points/assessments', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker', 'resident'], scope: 'own scope (list)', note: 'assessments of households under the scope; a resident their own household\'s' },
  { method: 'POST', path: '/api/points/assessments', callers: ['communityStaff', 'gridWorker', 'resident'], scope: 'creates own record', refusals: [403, 409, 422], note: 'a resident for their household (not in the registry 422); staff for a household of the scope (else 404); once a period 409; items of published rules 422; audited' },
  { method: 'GET', path: '/api/points/assessments/{id}', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker', 'resident'], scope: 'own records', note: 'staff of its scope; a resident their household\'s; another 404' },
  { method: 'POST', path: '/api/points/assessments/{id}/peer-review', callers: ['communityStaff', 'gridWorker'], scope: 'own scope', refusals: [403, 409, 422], note: '组互评 by peer reviewers of the household\'s grid; state 409; audited' },
  { method: 'POST', path: '/api/points/assessments/{id}/approve', callers: ['communityStaff', 'gridWorker'], scope: 'own scope', refusals: [403, 409, 422], note: '村评定 by keepers of the community (a grid worker 403); awards the approved items once; state 409; audited' },
  { method: 'POST', path: '/api/points/assessments/{id}/return', callers: ['communityStaff', 'gridWorker'], scope: 'own scope', refusals: [403, 409], note: 'back to the household; state 409; audited' },
  // 积分超市, 红黑榜/文明户 and 志愿服务 (issue 16): the points' and volunteers' readers; keepers run the supermarket, organisers the teams and activities
  { method: 'GET', path: '/api/points/goods', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker', 'resident'], scope: 'own scope (list)', note: 'goods of communities in or holding the scope; a resident: their community\'s active goods and their household\'s balance' },
  { method: 'POST', path: '/api/points/goods', callers: ['communityStaff'], scope: 'own scope', refusals: [422], note: 'goods of a community of the scope (another level, an image not uploaded 422); audited' },
  { method: 'PUT', path: '/api/points/goods/{id}', callers: ['communityStaff'], scope: 'own scope', refusals: [409, 422], note: 'price, stock, image, off the shelf; stale version 409; audited with what changed' },
  { method: 'POST', path: '/api/points/redemptions', callers: ['resident', 'communityStaff'], scope: 'own scope', refusals: [403, 422], note: 'a resident for their own household (not in the registry 422), a keeper for a household of the scope (a resident naming one 403); veto, stock or balance 422 with what is available, nothing written; audited; Idempotency-Key' },
  { method: 'GET', path: '/api/points/redemptions', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker', 'resident'], scope: 'own scope (list)', note: 'staff: redemptions of the scope; a resident: their household\'s, with the pickup codes waiting' },
  { method: 'POST', path: '/api/points/redemptions/pickup', callers: ['communityStaff'], scope: 'own scope', refusals: [409, 422], note: 'hands over the reservation of the scope with the code (none 404; several communities 422; expired 409); audited' },
  { method: 'POST', path: '/api/points/redemptions/{id}/cancel', callers: ['resident', 'communityStaff'], scope: 'own records', refusals: [403, 409], note: 'the household or a keeper of the scope cancels a waiting reservation (points and stock back); otherwise 409; audited' },
  { method: 'GET', path: '/api/points/statements', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope', note: 'a community\'s supermarket month in or holding the scope, JSON or xlsx' },
  { method: 'GET', path: '/api/points/civility', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker', 'resident'], scope: 'own scope (list)', note: 'marks in force of the scope with heads\' names; a resident: their community\'s red list and 文明户 masked, never the black list, and their own household\'s' },
  { method: 'POST', path: '/api/points/civility/derive', callers: ['communityStaff'], scope: 'own scope', refusals: [422], note: 'derives a community\'s month (not a community, a month not over 422); a rerun writes nothing twice; audited' },
  { method: 'GET', path: '/api/volunteers/teams', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker', 'resident'], scope: 'own scope (list)', note: 'teams of communities in or holding the scope; a resident: their community\'s' },
  { method: 'POST', path: '/api/volunteers/teams', callers: ['communityStaff', 'gridWorker', 'dispatcher'], scope: 'own scope', refusals: [409, 422], note: 'one team per colour and community of the scope (taken 409, not a community 422); audited' },
  { method: 'GET', path: '/api/volunteers/teams/{id}', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker', 'resident'], scope: 'own scope', note: 'members with names for staff, masked for residents (their own whole)' },
  { method: 'POST', path: '/api/volunteers/teams/{id}/members', callers: ['communityStaff', 'gridWorker', 'dispatcher'], scope: 'own scope', refusals: [403, 422], note: 'a registry person of the organiser\'s scope who lives in the team\'s community (else 422); audited' },
  { method: 'POST', path: '/api/volunteers/teams/{id}/join', callers: ['resident'], scope: 'own scope', refusals: [422], note: 'as their registry person (not in it 422); audited' },
  { method: 'DELETE', path: '/api/volunteers/teams/{id}/members/{residentId}', callers: ['communityStaff', 'gridWorker', 'dispatcher', 'resident'], scope: 'own scope', refusals: [403], note: 'an organiser removes a member of their scope; a resident leaves (someone else 403); audited' },
  { method: 'GET', path: '/api/volunteers/activities', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker', 'resident'], scope: 'own scope (list)', note: 'activities and 微讲堂 of units in or holding the scope; a resident: their community\'s' },
  { method: 'POST', path: '/api/volunteers/activities', callers: ['communityStaff', 'gridWorker', 'dispatcher'], scope: 'own scope', refusals: [422], note: 'at a unit of the scope (a lecture without speaker, bad times, a team of another community 422); audited; Idempotency-Key' },
  { method: 'GET', path: '/api/volunteers/activities/{id}', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker', 'resident'], scope: 'own scope', note: 'sign-up names for staff of the scope; the sign-in token for organisers who manage it' },
  { method: 'POST', path: '/api/volunteers/activities/{id}/sign-up', callers: ['communityStaff', 'gridWorker', 'dispatcher', 'resident'], scope: 'own scope', refusals: [403, 409, 422], note: 'a resident themself (not in the registry 422), an organiser for a person of their scope; full 409 ACTIVITY_FULL; closed 409; audited' },
  { method: 'POST', path: '/api/volunteers/activities/{id}/check-in', callers: ['communityStaff', 'gridWorker', 'dispatcher', 'resident'], scope: 'own scope', refusals: [403, 409, 422], note: 'a resident with the QR token (wrong 422), an organiser for a person of their scope; outside the time 409; audited' },
  { method: 'POST', path: '/api/volunteers/activities/{id}/check-out', callers: ['communityStaff', 'gridWorker', 'dispatcher', 'resident'], scope: 'own scope', refusals: [403, 409, 422], note: 'hours within the activity and the volunteerHour points; not checked in 409; audited' },
  { method: 'POST', path: '/api/volunteers/activities/{id}/actions', callers: ['communityStaff', 'gridWorker', 'dispatcher'], scope: 'own scope', refusals: [403, 409], note: 'done (those still in checked out at the end) or cancel by organisers who manage it; closed 409; audited' },
  { method: 'GET', path: '/api/volunteers/me', callers: ['resident'], scope: 'self', note: 'the resident\'s teams, sign-ups and hours this year' },
  // 体征指标 (issue 17, H1): the catalog for territorial staff (a town's own indicators and targets for those in or above
  // the town); values of units in the scope or holding it from the town down, children of those (peers public inside the
  // town); editors (admin, leader) change their towns' own indicators and targets; departments and residents read none
  { method: 'GET', path: '/api/indicators', callers: ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff', 'gridWorker'], scope: 'own town', note: 'the standard catalog and the own indicators and targets of the town named (in or holding the scope, else 404) or the caller\'s town; the measures; no personal data' },
  { method: 'GET', path: '/api/indicators/{code}', callers: ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff', 'gridWorker'], scope: 'own town', note: 'one indicator as the town sees it; another town\'s own or a town out of reach 404' },
  { method: 'POST', path: '/api/indicators', callers: ['admin', 'leader'], scope: 'own scope', refusals: [409, 422], note: 'a town\'s own indicator from the measures, the town in the scope (else 404); code taken 409 INDICATOR_CODE_TAKEN; formula refused or not a town 422 INDICATOR_INVALID; audited; Idempotency-Key' },
  { method: 'PUT', path: '/api/indicators/{code}', callers: ['admin', 'leader'], scope: 'own scope', refusals: [409, 422], note: 'a town\'s own indicator of the scope (else 404); stale version 409; standard or archived or formula refused 422; audited' },
  { method: 'POST', path: '/api/indicators/{code}/archive', callers: ['admin', 'leader'], scope: 'own scope', refusals: [409, 422], note: 'a town\'s own indicator of the scope leaves the catalog (else 404); stale or archived 409; standard 422; audited' },
  { method: 'PUT', path: '/api/indicators/{code}/target', callers: ['admin', 'leader'], scope: 'own scope', refusals: [422], note: 'a town\'s own target for an indicator of its catalog, the town in the scope (else 404); not a town 422; audited with before and after' },
  { method: 'GET', path: '/api/indicators/values', callers: ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff', 'gridWorker'], scope: 'own scope', refusals: [422], note: 'values, targets and lights of a unit in the scope or holding it from the town down (else 404); unknown code 422 INDICATOR_UNKNOWN; bad period 422 PERIOD_INVALID' },
  { method: 'GET', path: '/api/indicators/values/children', callers: ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff', 'gridWorker'], scope: 'own scope', refusals: [422], note: 'an indicator for the children of such a unit (peers are public inside the town); 422 as values' },
  { method: 'GET', path: '/api/indicators/series', callers: ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff', 'gridWorker'], scope: 'own scope', refusals: [422], note: 'an indicator\'s trend by day (≤ 92) or month (≤ 36) for such a unit; bad span 422 PERIOD_INVALID' },
  // the indicators job (issue 17, H2): it counts the whole platform, so its runs and a recompute name no territory
  { method: 'GET', path: '/api/indicators/runs', callers: ['admin', 'leader', 'dispatcher'], scope: 'none', note: 'the job\'s latest runs (days, facts, time, error) and the days marked dirty; no territory, no personal data' },
  { method: 'POST', path: '/api/indicators/recompute', callers: ['admin', 'leader'], scope: 'none', refusals: [422], note: 'recounts a range of days (≤ 366, up to today; else 422 PERIOD_INVALID): ≤ 31 days in the request, longer in the background; the same counts whoever asks; audited' },
  // 三级五星评价 (issue 17, H3): judges (admin, leader) read their scope's ratings computed or published, edit rules, compute,
  // publish and answer appeals of units below them; other staff read the published ratings of their town (peers are public
  // inside the town) and appeals of their own units; the rated unit's own staff appeal; departments read only their reviews
  { method: 'GET', path: '/api/ratings', callers: ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff', 'gridWorker', 'department'], scope: 'own town', refusals: [422], note: 'judges: ratings of the scope, computed or published; others: published ratings of their town; appeals only of units in the scope; a department none; bad period 422 PERIOD_INVALID' },
  { method: 'GET', path: '/api/ratings/{id}', callers: ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff', 'gridWorker', 'department'], scope: 'own town', note: 'one rating as in the list (else 404)' },
  { method: 'GET', path: '/api/ratings/rules', callers: ['admin', 'leader'], scope: 'own scope', refusals: [400], note: 'the rule in force for a town of the scope (else 404); the city default for the admin' },
  { method: 'PUT', path: '/api/ratings/rules', callers: ['admin', 'leader'], scope: 'own scope', refusals: [400, 403, 409, 422], note: 'a town\'s own rule (town in the scope, else 404) or the city default (admin); stale version 409; refused 422 RATING_RULE_INVALID; audited' },
  { method: 'POST', path: '/api/ratings/compute', callers: ['admin', 'leader'], scope: 'own scope', refusals: [422], note: 'the month\'s ratings of the towns of the scope (a named town out of it 404); published left alone; not a month 422; audited' },
  { method: 'POST', path: '/api/ratings/publish', callers: ['admin', 'leader'], scope: 'own scope', refusals: [422], note: 'publishes the computed ratings of the towns of the scope; audited' },
  { method: 'POST', path: '/api/ratings/{id}/appeal', callers: ['leader', 'communityStaff', 'gridWorker'], scope: 'own scope', refusals: [403, 409], note: 'only the rated unit\'s own staff (else 403 APPEAL_NOT_OWN; a rating out of reach 404); unpublished or an open appeal 409; audited; Idempotency-Key' },
  { method: 'POST', path: '/api/ratings/appeals/{id}/answer', callers: ['admin', 'leader'], scope: 'own scope', refusals: [409], note: 'judges whose scope holds the rated unit, not its own staff (else 404); answered already 409; audited with the score and stars before and after' },
  { method: 'GET', path: '/api/ratings/appeals', callers: ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff', 'gridWorker', 'department'], scope: 'own scope', note: 'appeals of units in the scope only (never a peer\'s)' },
  { method: 'GET', path: '/api/ratings/departments', callers: ['admin', 'leader', 'dispatcher', 'department'], scope: 'own town', refusals: [400], note: 'a town\'s departments sent cases in the month with its reviews (admin names the town, else 400); a department its own reviews without the authors' },
  { method: 'POST', path: '/api/ratings/departments', callers: ['leader', 'dispatcher'], scope: 'own town', refusals: [422], note: '反向评价 of a department the town sent cases to (else 422 EVALUATION_INVALID); one per town, department and month, replaced when sent again; audited' },
  // 赛马比拼 and 线上通报 (issue 17, H4): boards and bulletins of units in the caller's scope or in the town their scope lies
  // in (peers are public inside a town); departments and residents read none
  { method: 'GET', path: '/api/rankings', callers: ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff', 'gridWorker'], scope: 'own town', refusals: [422], note: 'a level\'s units under a unit of the caller\'s town or scope (else 404) ranked by an indicator or published stars, with movement; bad period 422 PERIOD_INVALID, unknown indicator 422 INDICATOR_UNKNOWN' },
  { method: 'POST', path: '/api/rankings/bulletins', callers: ['admin', 'leader', 'dispatcher'], scope: 'own scope', refusals: [403, 422], note: 'generates and keeps a bulletin snapshot of a unit their scope holds (a unit they only read 403); bad period 422; audited; Idempotency-Key' },
  { method: 'GET', path: '/api/rankings/bulletins', callers: ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff', 'gridWorker'], scope: 'own town', note: 'bulletins of units of the caller\'s town or scope, newest first' },
  { method: 'GET', path: '/api/rankings/bulletins/{id}', callers: ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff', 'gridWorker'], scope: 'own town', note: 'one bulletin with its snapshot; outside 404' },
  { method: 'GET', path: '/api/rankings/bulletins/{id}/document', callers: ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff', 'gridWorker'], scope: 'own town', note: 'the bulletin as a Chinese Word file; outside 404' },
  // 高频诉求 and the 15-minute circle (issue 17, H8): territorial staff count the cases and ideas under a unit of their
  // scope (a grid worker their grid); projects are read by staff whose scope lies in the community or holds it, made and
  // run by its community staff and the town's leaders; no reporter, name or phone in any of it
  { method: 'GET', path: '/api/analytics/hotspots', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope', note: 'top categories of cases and ideas, 200 m cells and grids of a unit in the scope (else 404) over a span against the previous one, counted in SQL under its path; bad span 400' },
  { method: 'GET', path: '/api/analytics/projects', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope (list)', note: 'circle projects of communities in the scope or holding it (a grid worker: their community\'s)' },
  { method: 'GET', path: '/api/analytics/projects/{id}', callers: ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker'], scope: 'own scope', note: 'a project with its linked cases (number, category, status, address — no reporter) and steps; outside 404' },
  { method: 'POST', path: '/api/analytics/projects', callers: ['leader', 'communityStaff'], scope: 'own scope', refusals: [422], note: '立项 for a community of the scope (else 404; not a community 422), from hot cells (their cases of the span linked) or case ids of the community (another\'s 422); audited; Idempotency-Key' },
  { method: 'PUT', path: '/api/analytics/projects/{id}', callers: ['leader', 'communityStaff'], scope: 'own scope', refusals: [403, 409, 422], note: 'an open project whose community the scope holds (read only 403); stale version 409 CONFLICT, done or dropped 409 PROJECT_STATE_CONFLICT; audited' },
  { method: 'POST', path: '/api/analytics/projects/{id}/actions/{action}', callers: ['leader', 'communityStaff'], scope: 'own scope', refusals: [403, 409, 422], note: 'start, finish (with the result), drop (a reason, else 422); another status 409 PROJECT_STATE_CONFLICT; audited' },
  { method: 'POST', path: '/api/analytics/projects/{id}/cases', callers: ['leader', 'communityStaff'], scope: 'own scope', refusals: [403, 409, 422], note: 'links cases of the project\'s community only (else 422 with their ids, nothing linked); done or dropped 409; audited' },
  // 一屏统揽 (issue 17, H5): the command screen of a unit of the caller's scope; grid workers, departments, residents none
  { method: 'GET', path: '/api/screen/summary', callers: ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff'], scope: 'own scope', note: 'the screen\'s first paint for a unit of the scope (outside 404): fixed windows of open cases (no reporter), standing alarms (place and kind, no person), incidents, the watch (phones masked), figures, board, feed' },
  { method: 'GET', path: '/api/screen/children', callers: ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff'], scope: 'own scope', note: 'the drill-down tiles of a unit of the scope (outside 404): children with counts and outlines' },
  // 一表通 (issue 17, H7): report forms (standard ones for every reader, a town's own to those in or above the town), their
  // tables of units of the caller's scope, fills kept under the filled unit; grid workers, handlers, departments, residents none
  { method: 'GET', path: '/api/reports/forms', callers: ['admin', 'leader', 'dispatcher', 'communityStaff'], scope: 'own scope (list)', note: 'the standard forms and those of towns in or holding the scope; the column choices of the caller\'s town; no personal data' },
  { method: 'POST', path: '/api/reports/forms', callers: ['admin', 'leader'], scope: 'own scope', refusals: [403, 422], note: 'a form of a town of the scope (outside 404); a territory not holding the town 403; columns refused 422 REPORT_FORM_INVALID; audited; Idempotency-Key' },
  { method: 'PUT', path: '/api/reports/forms/{id}', callers: ['admin', 'leader'], scope: 'own scope', refusals: [403, 409, 422], note: 'a town\'s form by an editor whose territory holds the town, a standard one by an administrator (else 403); stale 409; refused 422; audited' },
  { method: 'POST', path: '/api/reports/forms/{id}/archive', callers: ['admin', 'leader'], scope: 'own scope', refusals: [403], note: 'as a change; fills stay; audited' },
  { method: 'GET', path: '/api/reports/forms/{id}/preview', callers: ['admin', 'leader', 'dispatcher', 'communityStaff'], scope: 'own scope', refusals: [422], note: 'the table for a unit of the scope (outside 404); period of another kind 422 PERIOD_INVALID; no children 422 REPORT_FORM_INVALID; figures only' },
  { method: 'POST', path: '/api/reports/forms/{id}/fill', callers: ['admin', 'leader', 'dispatcher', 'communityStaff'], scope: 'own scope', refusals: [422], note: 'the table as .xlsx or .pdf, kept with its figures and audited; 422 as the preview; Idempotency-Key' },
  { method: 'GET', path: '/api/reports/fills', callers: ['admin', 'leader', 'dispatcher', 'communityStaff'], scope: 'own scope (list)', note: 'fills of units under the scope, newest first' },
  { method: 'GET', path: '/api/reports/fills/{id}/file', callers: ['admin', 'leader', 'dispatcher', 'communityStaff'], scope: 'own scope', note: 'a kept fill\'s file again from its kept figures; outside 404' },
];

/** The rule for one operation, or undefined when the matrix does not know it. */
export function ruleFor(method: string, path: string): EndpointRule | undefined {
  return ACCESS_MATRIX.find((r) => r.method === method.toUpperCase() && r.path === path);
}

/** May a caller with these roles (none = anonymous) call the endpoint at all? Scope is checked per record. */
export function mayCall(rule: EndpointRule, roles: readonly Role[] | null): boolean {
  if (rule.callers === 'public') return true;
  if (roles === null) return false;
  if (rule.callers === 'any signed-in') return true;
  const listed = rule.callers;
  return roles.some((r) => listed.includes(r));
}
