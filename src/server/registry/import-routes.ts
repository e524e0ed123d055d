import type { FastifyInstance, FastifyRequest } from 'fastify';
import { idempotencyKeyOf } from '../platform/idempotency-key.ts';
import { Readable } from 'node:stream';
import type { Static } from '@sinclair/typebox';
import { requirePrincipal } from '../platform/auth.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { loadPiiKey } from '../platform/pii-cipher.ts';
import { REGISTRY_EDITORS, REGISTRY_LIMITS, REGISTRY_READERS } from '../../shared/registry.ts';
import { reachOf } from './reach.ts';
import { listTagCatalog } from './tags-store.ts';
import { ImportFiles } from './import-file.ts';
import { drainImports, REPORT_KEPT_DAYS } from './import-job.ts';
import type { ImportServices } from './run-import.ts';
import { startImport } from './start-import.ts';
import { findImport, listImports, listRejections } from './import-store.ts';
import { presentImport, presentImportSummary } from './import-presenter.ts';
import { importReport } from './import-report.ts';
import { KIND_NAMES, templateWorkbook } from './template-workbook.ts';
import { exportWorkbook } from './export-registry.ts';
import * as s from './import-schemas.ts';

const TAGS = ['registry'];
const editors = { access: REGISTRY_EDITORS };

const attachment = (ascii: string, zh: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(zh)}`;

/** Templates, imports (upload, progress, report) and exports of the registry. */
export async function registryImportRoutes(app: FastifyInstance): Promise<void> {
  const files = new ImportFiles(app.config.dataDir, loadPiiKey(app.config.dataDir));
  const services: ImportServices = { db: app.db, pii: app.pii, locator: app.locator, files, clock: app.clock };
  // the upload is streamed to the data folder as it arrives: any type but JSON is taken as the file (xlsx or CSV by content)
  app.removeContentTypeParser(['text/plain']);
  app.addContentTypeParser('*', (_req, payload, done) => done(null, payload));

  /** Who reads an import: its importer, or an admin whose scope holds it. */
  const viewer = (req: FastifyRequest) => {
    const p = requirePrincipal(req);
    return { accountId: p.accountId, adminPath: p.roles.includes('admin') ? p.scopePath : null };
  };

  app.get('/api/registry/templates/:kind', {
    config: editors,
    schema: {
      summary: 'Download an import template', tags: TAGS, params: s.KindParams,
      description: 'The .xlsx template of an import (residents, households, buildings, places, things): Chinese headers (required ones marked *), a sample row, lists to pick from for the columns with fixed choices, ID-number and phone columns formatted as text, and a notes sheet (填写说明) on every column.',
      response: { 200: s.xlsxBody('the template workbook') },
    },
  }, async (req, reply) => {
    const { kind } = req.params as Static<typeof s.KindParams>;
    const tags = await listTagCatalog(app.db, null);
    return reply.type(s.XLSX_TYPE)
      .header('content-disposition', attachment(`registry-${kind}-template.xlsx`, `${KIND_NAMES[kind].zh}导入模板.xlsx`))
      .send(await templateWorkbook(kind, tags));
  });

  app.post('/api/registry/imports', {
    // up to 64 MB: a slow link may take minutes to send it (platform/app.ts, bodyDeadline)
    config: { ...editors, longUpload: true },
    schema: {
      summary: 'Start an import from Excel or CSV', tags: TAGS, querystring: s.ImportQuery,
      description: `Takes the file as the raw request body (an .xlsx, or a CSV in UTF-8 with or without BOM or in GB18030/GBK, recognised by content; at most ${REGISTRY_LIMITS.importBytes / 1024 / 1024} MB and ${REGISTRY_LIMITS.importRows} rows), stores it and answers 202 with the import's id at once; the registry-import job checks and writes the rows (follow it with GET /api/registry/imports/{id}). mode=allValid (default) writes every valid row and lists the others; allOrNothing writes nothing unless every row is valid. Rows are placed in grids of the caller's reach only. Honours Idempotency-Key (the first import is answered, the file not stored again).`,
      response: { 202: s.ImportStarted },
    },
  }, async (req, reply) => {
    const q = req.query as Static<typeof s.ImportQuery>;
    if (!(req.body instanceof Readable)) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the .xlsx or .csv file itself as the request body.', '请直接上传 .xlsx 或 .csv 文件作为请求体。');
    }
    const declared = Number(req.headers['content-length']);
    if (declared > REGISTRY_LIMITS.importBytes) throw new AppError('PAYLOAD_TOO_LARGE', 'The file is too large: split it.', '文件过大，请拆分后导入。');
    const p = requirePrincipal(req);
    const reach = { ...reachOf(p), scopeOrgUnitId: p.scopeOrgUnitId! };
    const started = await startImport(app.db, files, reach, {
      kind: q.kind, mode: q.mode ?? 'allValid', fileName: q.fileName?.trim() || null, idempotencyKey: idempotencyKeyOf(req),
      body: req.body, now: app.clock(),
    });
    // this node starts on it at once; the job (every minute, in any node or worker) takes up what is left
    if (app.config.env.JOBS !== 'off') void drainImports(services).catch((err: Error) => req.log.error({ err }, 'registry import'));
    return reply.status(202).send({ id: started.id, status: started.first?.status ?? 'queued' });
  });

  app.get('/api/registry/imports', {
    config: editors,
    schema: {
      summary: 'My recent imports', tags: TAGS, response: { 200: s.ImportList },
      description: 'The caller\'s 50 latest imports, newest first, with their progress and counts.',
    },
  }, async (req) => {
    const rows = await listImports(app.db, requirePrincipal(req).accountId, 50);
    const kept = await Promise.all(rows.map((r) => files.exists(r.id)));
    return { items: rows.map((r, i) => presentImportSummary(r, kept[i]!)) };
  });

  app.get('/api/registry/imports/:id', {
    config: editors,
    schema: {
      summary: 'An import\'s progress and problems', tags: TAGS, params: s.ImportIdParams, response: { 200: s.ImportView },
      description: 'Status (queued, running, done, failed), rows read, written and refused, and the first 200 problems by row, each with its column and reason in Chinese and English. Only the importer and the admins of its scope read it (else 404).',
    },
  }, async (req) => {
    const { id } = req.params as Static<typeof s.ImportIdParams>;
    const row = await findImport(app.db, id, viewer(req));
    if (!row) throw notFound('import');
    return presentImport(row, await listRejections(app.db, id, 200), await files.exists(id));
  });

  app.get('/api/registry/imports/:id/report', {
    config: editors,
    schema: {
      summary: 'Download an import\'s error report', tags: TAGS, params: s.ImportIdParams,
      description: `The refused rows as uploaded, each with a column 错误原因 and the cell at fault filled red, as .xlsx; kept ${REPORT_KEPT_DAYS} days after the import. Only the importer and the admins of its scope (else 404).`,
      response: { 200: s.xlsxBody('the report workbook') },
    },
  }, async (req, reply) => {
    const { id } = req.params as Static<typeof s.ImportIdParams>;
    const row = await findImport(app.db, id, viewer(req));
    if (!row) throw notFound('import');
    if (row.status !== 'done' && row.status !== 'failed') {
      throw new AppError('CONFLICT', 'The import is still running: the report comes when it is done.', '导入尚未完成，完成后可下载报告。');
    }
    if (!(await files.exists(id))) throw new AppError('NOT_FOUND', `The report is kept ${REPORT_KEPT_DAYS} days after the import.`, `错误报告仅保留 ${REPORT_KEPT_DAYS} 天。`);
    return reply.type(s.XLSX_TYPE)
      .header('content-disposition', attachment(`registry-import-${id}-report.xlsx`, `${KIND_NAMES[row.kind].zh}导入错误报告.xlsx`))
      .send(importReport(app.db, files, row));
  });

  app.get('/api/registry/exports/:kind', {
    config: { access: REGISTRY_READERS },
    schema: {
      summary: 'Export a registry list to Excel', tags: TAGS, params: s.KindParams, querystring: s.ExportQuery,
      description: 'The list of GET /api/registry/{kind} with the same filters, every page, as .xlsx written as it is read: masked as the caller sees it (ID numbers and phones masked, sensitive tags only for carers). One audit entry names the kind, the filters and the number of rows.',
      response: { 200: s.xlsxBody('the list as a workbook') },
    },
  }, async (req, reply) => {
    const { kind } = req.params as Static<typeof s.KindParams>;
    const stream = await exportWorkbook(app, req, kind, req.query as Record<string, unknown>);
    return reply.type(s.XLSX_TYPE)
      .header('content-disposition', attachment(`registry-${kind}.xlsx`, `${KIND_NAMES[kind].zh}名单.xlsx`))
      .send(stream);
  });
}
