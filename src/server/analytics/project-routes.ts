import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { requirePrincipal, type Principal } from '../platform/auth.ts';
import { idempotencyKeyOf } from '../platform/idempotency-key.ts';
import { ANALYTICS_READERS, CIRCLE_PROJECT_LIMITS, PROJECT_EDITORS } from '../../shared/analytics.ts';
import { actOnProject, createProject, linkCases, updateProject } from './project-commands.ts';
import { linkedCases, listProjects, projectEvents, projectOf } from './project-store.ts';
import { presentDetail, presentProject } from './presenters.ts';
import { isEditor, unitInScope } from './scope.ts';
import * as s from './schemas.ts';

const TAGS = ['analytics'];

/** The 15-minute service circle's projects: a community's answers to its hot spots, with the cases each answers. */
export async function projectRoutes(app: FastifyInstance): Promise<void> {
  const detail = async (id: string, p: Principal) => {
    const row = await projectOf(app.db, p, id);
    return presentDetail(row, await linkedCases(app.db, id), await projectEvents(app.db, id), p, app.clock());
  };

  app.get('/api/analytics/projects', {
    config: { access: ANALYTICS_READERS },
    schema: {
      summary: '15-minute circle projects', tags: TAGS, querystring: s.ProjectListQuery, response: { 200: s.ProjectList },
      description: 'The projects of the communities in the caller\'s scope or holding it (a grid worker reads their community\'s), of `orgUnitId` (a unit of the scope, else 404) and `status` when given: underway first, then planned, done, dropped, newest first. Each with its owner, due day, counts of linked and closed cases and the `policies` the caller has on it.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof s.ProjectListQuery>;
    const unit = q.orgUnitId ? await unitInScope(app.db, p, q.orgUnitId) : null;
    const rows = await listProjects(app.db, p, { path: unit?.path, status: q.status, limit: q.limit });
    const now = app.clock();
    return { items: rows.map((r) => presentProject(r, p, now)), policies: isEditor(p) ? ['create' as const] : [] };
  });

  app.get('/api/analytics/projects/:id', {
    config: { access: ANALYTICS_READERS },
    schema: {
      summary: 'A 15-minute circle project', tags: TAGS, params: s.IdParams, response: { 200: s.ProjectDetail },
      description: 'The project with its linked cases (number, category, status, address, grid — never a reporter) and its steps. 404 when the caller does not read it.',
    },
  }, async (req) => detail((req.params as { id: string }).id, requirePrincipal(req)));

  app.post('/api/analytics/projects', {
    config: { access: PROJECT_EDITORS },
    schema: {
      summary: 'Make a 15-minute circle project', tags: TAGS, body: s.NewProjectBody, response: { 201: s.ProjectDetail },
      description: `立项: a project of a community of the caller's scope (else 404; not a community → 422 PROJECT_INVALID), planned, owned by the caller or a staff account of the community or above it (else 422). From a hot spot: \`cells\` with the span (\`from\`, \`to\`; default the last 30 days) link the community's cases reported there in the span (of \`categoryCode\` when given); \`caseIds\` link cases of the community (another's → 422 PROJECT_INVALID with their ids); ${CIRCLE_PROJECT_LIMITS.cases} at most. Idempotency-Key: a retry with the same key answers the first project. Audited (circle_project.create).`,
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const key = idempotencyKeyOf(req);
    const id = await app.db.transaction((tx) => createProject(tx, p, req.body as s.NewProject, key, { now: app.clock(), ip: req.ip }));
    return reply.status(201).send(await detail(id, p));
  });

  app.put('/api/analytics/projects/:id', {
    config: { access: PROJECT_EDITORS },
    schema: {
      summary: 'Change a 15-minute circle project', tags: TAGS, params: s.IdParams, body: s.UpdateProjectBody, response: { 200: s.ProjectDetail },
      description: 'Name, category, description, owner, due day of an open project (planned or underway; done or dropped → 409 PROJECT_STATE_CONFLICT) whose community the caller\'s scope holds (else 403; unread 404). `version` must be the current one (else 409 CONFLICT). Audited (circle_project.update).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id } = req.params as { id: string };
    await app.db.transaction((tx) => updateProject(tx, p, id, req.body as s.UpdateProject, { now: app.clock(), ip: req.ip }));
    return detail(id, p);
  });

  app.post('/api/analytics/projects/:id/actions/:action', {
    config: { access: PROJECT_EDITORS },
    schema: {
      summary: 'Start, finish or drop a 15-minute circle project', tags: TAGS, params: s.ActionParams, body: s.ActionBody, response: { 200: s.ProjectDetail },
      description: 'start: planned → underway; finish: underway → done (the note is kept as the result); drop: planned or underway → dropped (a note saying why is required, else 422 PROJECT_INVALID). Another status → 409 PROJECT_STATE_CONFLICT; a `version` not the current one → 409 CONFLICT. Audited (circle_project.start, circle_project.finish, circle_project.drop).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id, action } = req.params as Static<typeof s.ActionParams>;
    await app.db.transaction((tx) => actOnProject(tx, p, id, action, (req.body ?? {}) as Static<typeof s.ActionBody>, { now: app.clock(), ip: req.ip }));
    return detail(id, p);
  });

  app.post('/api/analytics/projects/:id/cases', {
    config: { access: PROJECT_EDITORS },
    schema: {
      summary: 'Link cases to a 15-minute circle project', tags: TAGS, params: s.IdParams, body: s.LinkCasesBody, response: { 200: s.ProjectDetail },
      description: `Link cases the project answers: only cases of its community (another's or unknown → 422 PROJECT_INVALID with their ids; nothing is linked then); those linked already stay once; ${CIRCLE_PROJECT_LIMITS.cases} at most. Done or dropped → 409 PROJECT_STATE_CONFLICT. Audited (circle_project.link_cases).`,
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id } = req.params as { id: string };
    await app.db.transaction((tx) => linkCases(tx, p, id, (req.body as Static<typeof s.LinkCasesBody>).caseIds, { now: app.clock(), ip: req.ip }));
    return detail(id, p);
  });
}
