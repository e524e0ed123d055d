// Every entity the API returns carries `policies`, what the caller may do to it now, so the web never re-derives
// permissions from roles (issue 9). Checked on the OpenAPI document, which is the response schemas themselves: an
// entity is an object with an `id` and more than a reference's few fields; the exceptions are named with the reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

interface Schema { type?: string; properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[]; allOf?: Schema[]; oneOf?: Schema[] }
interface Operation { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }

/** Objects with an id that are not things the caller acts on through them, each with why. */
const NOT_ACTED_ON: [RegExp, string][] = [
  [/^(GET \/api\/me|POST \/api\/auth\/login|POST \/api\/auth\/register) /, 'the caller as signed in: who they are, their roles, posts and grids'],
  [/^GET \/api\/accounts\/choices /, 'the posts offered by the account form'],
  [/^POST \/api\/accounts\/import 201\.created\[\]$/, 'the report of the rows an import created'],
  [/^GET \/api\/auth\/register\/grids /, 'the grids a resident picks at sign-up'],
  [/^GET \/api\/audit /, 'audit entries: an append-only record nothing is done to'],
  [/\.features\[\]\.properties$/, 'what a map draws; the unit itself, with its policies, is GET /api/org-units/{id}'],
  [/^GET \/api\/(public\/)?map\/area 200\.focus$/, 'where a map opens'],
  [/^GET \/api\/org-units\/\{id\}\/move-targets /, 'the parents the move picker offers'],
  [/^(GET|PUT) \/api\/org-units\/\{id\}\/team 200\.members\[\]$/, 'members change through their team, which carries the policies'],
  [/^GET \/api\/org-units\/\{id\}\/boards /, 'the town\'s posts as a pick list; each post with its policies is GET /api/posts'],
  [/\.timeline\[\]$/, 'timeline entries: what happened, nothing is done to them'],
  [/^[A-Z]+ \/api\/meetings[^ ]* 20\d\.comments\[\]$/, 'comments on a meeting: what was said, nothing is done to them'],
  [/^[A-Z]+ \/api\/proposals[^ ]* 20\d\.comments\[\]$/, 'comments on a proposal: what was said, nothing is done to them'],
  [/\.duplicates\[\]$/, 'references to possible duplicates'],
  [/^GET \/api\/analytics\/hotspots 200\.grids\[\]$/, 'counted figures of a grid over a span; the unit itself, with its policies, is GET /api/org-units/{id}'],
  [/^[A-Z]+ \/api\/analytics\/projects[^ ]* 20\d\.caseList\[\]$/, 'references to the cases a circle project answers; each case with its policies is GET /api/cases/{id}'],
  [/^(GET|POST|PATCH) \/api\/registry\/.*\.history\[\]$/, 'registry history entries: what happened, nothing is done to them'],
  [/^(GET|POST|PATCH) \/api\/registry\/households[^ ]* 20\d\.devices\[\]$/, 'the household\'s care devices: references; each device with its policies is GET /api/devices/{id}'],
  [/^(GET|POST|PATCH) \/api\/registry\/.*\.cases\[\]$/, 'references to cases reported there; each case with its policies is GET /api/cases/{id}'],
  [/^(GET|POST|PATCH) \/api\/registry\/things.*\.inspections\[\]$/, 'inspection records of a thing: what was found, nothing is done to them'],
  [/^(GET|POST) \/api\/(tasks|visits)[^ ]* \d+.*\.subject$/, 'what a task or visit is about: a reference to the registry record, which carries its own policies there'],
  [/^GET \/api\/tasks\/progress 200\.(children|workers)\[\]$/, 'progress figures of a unit or a worker: counted, nothing is done to them'],
  [/^(GET|POST) \/api\/webhooks\/\{id\}\/(deliveries|test) /, 'webhook deliveries: a log of what was sent to a partner, nothing is done to them'],
  [/^[A-Z]+ \/api\/devices[^ ]* 20\d\.(items\[\]\.|device\.)?binding$/, 'the record a device is bound to: a masked reference to the registry record, which carries its own policies there'],
  [/^[A-Z]+ \/api\/(devices\/\{id\}|device-profiles[^ ]*) 200\.(items\[\]\.)?rules\[\]$/, 'the rules of a profile: edited as the profile\'s whole set (its editRules policy), never one by one'],
  [/^[A-Z]+ \/api\/(plans\/\{id\}\/activate|incidents[^ ]*) 20\d\.(steps\[\]|step)\.workOrder$/, 'a step\'s work order: a reference; the case with its policies is GET /api/cases/{id}'],
  [/^[A-Z]+ \/api\/(plans\/\{id\}\/activate|incidents[^ ]*) 20\d\.log\[\]$/, 'the incident\'s log: what happened, nothing is done to it'],
  [/^(GET|POST) \/api\/plan-suggestions[^ ]* 200\.(items\[\]\.)?trigger$/, 'what raised a suggestion: a reference to the alarm, case or alert, which carries its own policies there'],
  [/^GET \/api\/devices\/\{id\} 200\.alarms\[\]$/, 'a device\'s alarms: references; each with its policies is in GET /api/alarms/{id}'],
  [/^(GET|POST|PATCH) \/api\/registry\/households.* 20\d\.visits\[\]$/, 'visits in the household file: records of what was found; each with its policies is in GET /api/visits'],
  [/^[A-Z]+ \/api\/disputes[^ ]* 20\d\.workOrder$/, 'a dispute\'s work order: a reference; the case with its policies is GET /api/cases/{id}'],
  [/^[A-Z]+ \/api\/disputes[^ ]* 20\d\.(chain|events)\[\]$/, 'the flare-up chain (references to disputes, each with its policies on its own page) and the timeline: nothing is done to them'],
  [/^[A-Z]+ \/api\/disputes[^ ]* 20\d\.(referrals|mediations|followUps)\[\]$/, 'a dispute\'s referrals, sessions and follow-ups are acted on through the dispute\'s own actions (its policies: reply, attachSigned …; canReply per referral)'],
  [/^GET \/api\/enforcement\/checklists 200\.items\[\]$/, 'the departments\' inspection checklists: a catalog the city keeps, answered inside a joint inspection (its policies: record)'],
  [/^GET \/api\/enforcement\/cases 200\.items\[\]$/, 'a row of the enforcement case list: a reference; the case with its policies is GET /api/enforcement/cases/{id}'],
  [/^[A-Z]+ \/api\/enforcement\/cases[^ ]* 20\d\.evidence\[\]$/, 'a case\'s evidence: on record once added, never changed one by one (the case\'s addEvidence policy adds more)'],
  [/^[A-Z]+ \/api\/enforcement\/inspections[^ ]* 20\d\.(inspection\.)?cases\[\]$/, 'enforcement cases opened from an inspection: references; each with its policies is GET /api/enforcement/cases/{id}'],
  [/^[A-Z]+ \/api\/points\/reconciliations 20\d\.(items\[\]|run)$/, 'reconciliation runs of the points books: a record of what the nightly check found, nothing is done to them'],
  [/^GET \/api\/points\/statements 200\.rows\[\]$/, 'a monthly statement\'s lines: what the supermarket handed out; each redemption with its policies is GET /api/points/redemptions'],
  [/^[A-Z]+ \/api\/ratings\/departments 200\.items\[\]\.evaluation$/, '反向评价: a town\'s review of a department, part of its row; the row carries the evaluate policy (sending it again replaces the review)'],
  [/^[A-Z]+ \/api\/indicators\/(runs|recompute) 20\d\.(items\[\]|run)$/, 'runs of the indicators job: a record of what was counted, nothing is done to one'],
  [/^[A-Z]+ \/api\/rankings\/bulletins[^ ]* 200(\.items\[\])?$/, '线上通报: a kept snapshot of the boards, read and downloaded, never changed (the board carries the generateBulletin policy)'],
  [/^GET \/api\/screen\/(summary|children) 200\.(children|liveCases|alarms|incidents|items)\[\]$/, 'what the command screen draws: references; each case, alarm, incident and unit with its policies is on its own page'],
  [/^GET \/api\/points\/civility 200\.items\[\]$/, '红黑榜 and 文明户 marks: derived from the books with their reasons and expiry, nothing is done to one (the list carries the derive policy)'],
];

/** Answers that are themselves what the caller acts on without an id (a catalog, a calendar, a roster, a team, the account list). */
const CARRY_POLICIES = [
  'GET /api/matters 200', 'GET /api/matters/{code}/versions 200', 'GET /api/working-calendar 200', 'GET /api/working-calendar/{year} 200',
  'PUT /api/working-calendar/{year} 200', 'GET /api/posts 200', 'GET /api/org-units/{id}/team 200', 'PUT /api/org-units/{id}/team 200',
  'GET /api/duty-roster 200', 'PUT /api/duty-roster 200', 'GET /api/accounts 200',
  'GET /api/duty-catalog 200', 'GET /api/duty-catalog/admissions 200', 'GET /api/standing-duties 200', 'PUT /api/standing-duties 200',
];

let t: TestApp;
const entities: { where: string; keys: string[] }[] = [];
const answers = new Map<string, Schema>();
beforeAll(async () => {
  t = await createTestApp({ seed: false });
  const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json<{ paths: Record<string, Record<string, Operation>> }>();
  const walk = (s: Schema | undefined, where: string): void => {
    if (!s) return;
    if (s.properties) {
      const keys = Object.keys(s.properties);
      if (keys.includes('id') && keys.length > 4) entities.push({ where, keys });
      for (const [k, v] of Object.entries(s.properties)) walk(v, `${where}.${k}`);
    }
    walk(s.items, `${where}[]`);
    for (const x of [...(s.anyOf ?? []), ...(s.allOf ?? []), ...(s.oneOf ?? [])]) walk(x, where);
  };
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      for (const [status, r] of Object.entries(op.responses ?? {})) {
        if (!/^2\d\d$/.test(status)) continue;
        const schema = r.content?.['application/json']?.schema;
        answers.set(`${method.toUpperCase()} ${path} ${status}`, schema ?? {});
        walk(schema, `${method.toUpperCase()} ${path} ${status}`);
      }
    }
  }
});
afterAll(async () => { await t.close(); });

const topKeys = (s: Schema): string[] => [
  ...Object.keys(s.properties ?? {}), ...[...(s.allOf ?? []), ...(s.anyOf ?? [])].flatMap(topKeys),
];

describe('policies on what the API returns', () => {
  it('finds the entities of the document (a walk that finds nothing proves nothing)', () => {
    expect(entities.length).toBeGreaterThan(30);
    expect(entities.map((e) => e.where)).toEqual(expect.arrayContaining(['GET /api/org-units/{id} 200', 'GET /api/matters 200.items[]', 'GET /api/posts 200.items[]']));
  });

  it('gives every entity its policies, but those named as not acted on', () => {
    const lacking = entities.filter((e) => !e.keys.includes('policies') && !NOT_ACTED_ON.some(([re]) => re.test(e.where))).map((e) => e.where);
    expect(lacking).toEqual([]);
  });

  it('names no exception that matches nothing any more', () => {
    const unused = NOT_ACTED_ON.filter(([re]) => !entities.some((e) => re.test(e.where))).map(([re, why]) => `${re} (${why})`);
    expect(unused).toEqual([]);
  });

  it('puts policies on the catalogs, calendars, rosters and teams themselves', () => {
    const lacking = CARRY_POLICIES.filter((key) => {
      const s = answers.get(key);
      return !s || !topKeys(s).includes('policies');
    });
    expect(lacking).toEqual([]);
  });
});
