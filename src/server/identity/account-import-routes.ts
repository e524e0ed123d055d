import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { ACCOUNT_ADMINS } from '../../shared/roles.ts';
import { accountAdminOf } from './account-admin.ts';
import { importAccounts } from './import-accounts.ts';
import { accountTemplate, IMPORT_MAX_BYTES, XLSX_TYPE } from './account-sheet.ts';

const xlsx = { description: 'an .xlsx workbook', content: { [XLSX_TYPE]: { schema: Type.String({ format: 'binary' }) } } };

const ImportResult = Type.Object({
  created: Type.Array(Type.Object({
    row: Type.Integer(), id: Type.String(), username: Type.String(), name: Type.String(),
    oneTimePassword: Type.String({ description: 'shown once: the holder must change it at the first sign-in' }),
  })),
});

/** Bulk creation of staff accounts from an Excel workbook (批量导入), and the template to fill in. */
export async function accountImportRoutes(app: FastifyInstance): Promise<void> {
  for (const type of [XLSX_TYPE, 'application/octet-stream']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES }, (_req, body, done) => done(null, body));
  }

  app.get('/api/accounts/import-template', {
    config: { access: ACCOUNT_ADMINS },
    schema: { summary: 'Download the account import template', tags: ['identity'], description: 'The .xlsx template of the account import: one account a row, the roles offered as a list, notes in Chinese and English.',
      response: { 200: xlsx } },
  }, async (_req, reply) => reply
    .type(XLSX_TYPE)
    .header('content-disposition', `attachment; filename="accounts-template.xlsx"; filename*=UTF-8''${encodeURIComponent('账号导入模板.xlsx')}`)
    .send(await accountTemplate()));

  app.post('/api/accounts/import', {
    config: { access: ACCOUNT_ADMINS },
    bodyLimit: IMPORT_MAX_BYTES,
    schema: { summary: 'Import staff accounts from Excel', tags: ['identity'], response: { 201: ImportResult },
      description: 'Creates the staff accounts of an .xlsx workbook (the raw request body, at most 1 MB and 200 rows) in the administrator\'s scope, all or none. '
        + 'Any problem answers 422 IMPORT_REJECTED with every problem by row and column (`details.errors`, in Chinese and English) and creates nothing; '
        + 'otherwise 201 with each account\'s one-time password, shown once.' },
  }, async (req, reply) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const created = await importAccounts(app.db, app.pii, await accountAdminOf(app.db, req), body, app.clock());
    return reply.status(201).send({ created });
  });
}
