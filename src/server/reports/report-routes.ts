import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { requirePrincipal, type Principal } from '../platform/auth.ts';
import { notFound } from '../platform/errors.ts';
import { idempotencyKeyOf } from '../platform/idempotency-key.ts';
import { attachmentHeader } from '../platform/documents/send.ts';
import { MEASURES, MEASURE_CODES } from '../../shared/indicators.ts';
import { REPORT_EDITORS, REPORT_READERS } from '../../shared/reports.ts';
import { listFills, listForms, townOfPath } from './form-store.ts';
import { fillReport, formAndUnit, type FilledReport } from './fill-report.ts';
import { isEditor, presentFill, presentForm } from './presenters.ts';
import { reportFile } from './report-file.ts';
import { catalogFor, MEASURE_PREFIX, reportTable } from './report-table.ts';
import { changeForm, createForm, retireForm } from './save-form.ts';
import * as s from './schemas.ts';

const TAGS = ['reports'];
const keyOf = (req: Parameters<typeof idempotencyKeyOf>[0], p: Principal) => {
  const key = idempotencyKeyOf(req);
  return key === null ? null : `${p.accountId}:${key}`;
};

/** 一表通: report forms whose columns are indicators, their preview, fills as Excel or PDF, and the fills kept. */
export async function reportRoutes(app: FastifyInstance): Promise<void> {
  const catalogOf = async (p: Principal) => catalogFor(app.db, p.scopePath === null ? null : (await townOfPath(app.db, p.scopePath))?.id ?? null);
  const formView = async (id: string, p: Principal) => {
    const form = (await listForms(app.db, p.scopePath, { id, archived: true }))[0];
    if (!form) throw notFound('report form');
    return presentForm(form, p, await catalogFor(app.db, form.org_unit_id));
  };
  const send = async (reply: FastifyReply, r: FilledReport) =>
    reply.type(r.format === 'pdf' ? s.PDF_TYPE : s.XLSX_TYPE)
      .header('content-disposition', attachmentHeader(`${r.table.title}.${r.format}`, `report-${r.table.period}.${r.format}`))
      .header('cache-control', 'no-store')
      .send(await reportFile(r));

  app.get('/api/reports/forms', {
    config: { access: REPORT_READERS },
    schema: {
      summary: 'Report forms (一表通)', tags: TAGS, querystring: s.FormListQuery, response: { 200: s.FormList },
      description: 'The standard forms and those of the towns in or holding the caller\'s scope, each with its columns (indicators of the catalog, or measures as counts); `choices` are what the caller may put in a column (their town\'s catalog and the measures).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof s.FormListQuery>;
    const catalog = await catalogOf(p);
    const forms = await listForms(app.db, p.scopePath, { archived: q.archived === true });
    const formCatalogs = new Map<string | null, Awaited<ReturnType<typeof catalogFor>>>();
    const items = [];
    for (const f of forms) {
      if (!formCatalogs.has(f.org_unit_id)) formCatalogs.set(f.org_unit_id, await catalogFor(app.db, f.org_unit_id));
      items.push(presentForm(f, p, formCatalogs.get(f.org_unit_id)!));
    }
    const choices = [
      ...[...catalog.values()].filter((d) => !d.archived).map((d) => ({ code: d.code, kind: 'indicator' as const, nameZh: d.nameZh, nameEn: d.nameEn, unit: d.unit, standard: d.standard })),
      ...MEASURE_CODES.map((m) => ({ code: `${MEASURE_PREFIX}${m}`, kind: 'measure' as const, nameZh: MEASURES[m].zh, nameEn: MEASURES[m].en, unit: 'count' as const, standard: true })),
    ];
    return { items, choices, policies: isEditor(p) ? ['create' as const] : [] };
  });

  app.post('/api/reports/forms', {
    config: { access: REPORT_EDITORS },
    schema: {
      summary: 'Define a report form', tags: TAGS, body: s.NewFormBody, response: { 201: s.FormView, 200: s.FormView },
      description: 'A town\'s own form (the town of `orgUnitId`, else of the caller\'s scope, inside their territory — else 404/403), its rows (children or months), its period kind and 1–16 columns of its catalog\'s indicators or measures; refused with the reasons as 422 REPORT_FORM_INVALID. An administrator above the towns without `orgUnitId` makes a standard form. Audited (report.form.create). Honours Idempotency-Key (a retry answers 200 with the first form).',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const r = await app.db.transaction((tx) => createForm(tx, p, req.body as s.NewFormBody, { now: app.clock(), ip: req.ip, key: keyOf(req, p) }));
    return reply.status(r.created ? 201 : 200).send(await formView(r.id, p));
  });

  app.put('/api/reports/forms/:id', {
    config: { access: REPORT_EDITORS },
    schema: {
      summary: 'Change a report form', tags: TAGS, params: s.IdParams, body: s.FormChangeBody, response: { 200: s.FormView },
      description: 'Name, description, rows, period kind and columns, with the version read (409 CONFLICT when stale). A town\'s form by an editor whose territory holds the town, a standard one by an administrator (else 403). Fills made before keep their figures and the version they were made with. Audited (report.form.update).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id } = req.params as Static<typeof s.IdParams>;
    await app.db.transaction((tx) => changeForm(tx, p, id, req.body as s.FormChangeBody, { now: app.clock(), ip: req.ip }));
    return formView(id, p);
  });

  app.post('/api/reports/forms/:id/archive', {
    config: { access: REPORT_EDITORS },
    schema: {
      summary: 'Archive a report form', tags: TAGS, params: s.IdParams, response: { 200: s.FormView },
      description: 'The form is no longer listed nor filled; its fills stay. Who may: as for a change (else 403). Audited (report.form.archive).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id } = req.params as Static<typeof s.IdParams>;
    await app.db.transaction((tx) => retireForm(tx, p, id, { now: app.clock(), ip: req.ip }));
    return formView(id, p);
  });

  app.get('/api/reports/forms/:id/preview', {
    config: { access: REPORT_READERS },
    schema: {
      summary: 'Preview a filled report form', tags: TAGS, params: s.IdParams, querystring: s.TableQuery, response: { 200: s.ReportTableView },
      description: 'The table the form makes for a unit of the caller\'s scope (default: the scope) and a period of its kind (else 422 PERIOD_INVALID): a row per child unit (a unit without children → 422 REPORT_FORM_INVALID) or per month begun, a column per indicator, each cell the indicator\'s value from the roll-ups, and the total rolled up from the rows (a ratio as Σ numerators ÷ Σ denominators). Nothing is kept; fill to keep it.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id } = req.params as Static<typeof s.IdParams>;
    const q = req.query as s.TableQuery;
    const { form, unit } = await formAndUnit(app.db, p, id, q.orgUnitId);
    return reportTable(app.db, form, unit, q.period, app.clock());
  });

  app.post('/api/reports/forms/:id/fill', {
    config: { access: REPORT_READERS },
    schema: {
      summary: 'Fill a report form as Excel or PDF', tags: TAGS, params: s.IdParams, querystring: s.FillQuery,
      response: { 200: s.fileResponse('the filled form') },
      description: 'The preview\'s table written as an .xlsx workbook or a landscape A4 PDF in Chinese, named 「单位+期间+表名」 (Content-Disposition with the Chinese name in RFC 5987 form). The table is kept as it was written (GET /api/reports/fills) and the fill audited (report.fill). Honours Idempotency-Key (a retry answers the first fill\'s figures).',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const { id } = req.params as Static<typeof s.IdParams>;
    const q = req.query as s.FillQuery;
    const r = await app.db.transaction((tx) => fillReport(tx, p, { formId: id, orgUnitId: q.orgUnitId, period: q.period, format: q.format },
      { now: app.clock(), ip: req.ip, key: keyOf(req, p) }));
    return send(reply, r);
  });

  app.get('/api/reports/fills', {
    config: { access: REPORT_READERS },
    schema: {
      summary: 'Report fills kept', tags: TAGS, querystring: s.FillListQuery, response: { 200: s.FillList },
      description: 'The fills of units under the caller\'s scope (of `formId` when given), newest first: form, unit, period, format, who filled it and when.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof s.FillListQuery>;
    if (p.scopePath === null) return { items: [] };
    const rows = await listFills(app.db, p.scopePath, { formId: q.formId, limit: q.limit ?? 50 });
    return { items: rows.map(presentFill) };
  });

  app.get('/api/reports/fills/:id/file', {
    config: { access: REPORT_READERS },
    schema: {
      summary: 'Download a kept fill again', tags: TAGS, params: s.IdParams, response: { 200: s.fileResponse('the fill as it was made') },
      description: 'The fill\'s file again, from the table kept with it (the figures it had then, whatever the roll-ups say now), in the format it was made in. 404 outside the caller\'s scope.',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const { id } = req.params as Static<typeof s.IdParams>;
    const row = p.scopePath === null ? undefined : (await listFills(app.db, p.scopePath, { id, limit: 1 }))[0];
    if (!row) throw notFound('report fill');
    return send(reply, { fillId: row.id, table: row.values as s.ReportTableView, format: row.format, byName: row.by_name, at: new Date(row.at) });
  });
}
