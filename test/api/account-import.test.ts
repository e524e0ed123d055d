// Bulk creation of accounts from an .xlsx workbook: the template, a file that creates every account (one-time
// passwords returned once), and files with problems that create nothing and list each problem by row and column.
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { checkPasswordPolicy } from '../../src/domain/identity/password-policy.ts';
import { checkZipSize } from '../../src/server/identity/account-sheet.ts';
import { accountWorkbook, XLSX } from '../support/workbooks.ts';

let t: TestApp;
let security: string;
beforeAll(async () => {
  t = await createTestApp();
  security = await t.login('security');
});
afterAll(async () => { await t.close(); });

const workbook = accountWorkbook;
const upload = (body: Buffer, token = security) =>
  t.app.inject({ method: 'POST', url: '/api/accounts/import', payload: body, headers: { ...bearer(token), 'content-type': XLSX } });
const counts = async () => (await t.db.query<{ accounts: number; audit: number }>(
  `select (select count(*)::int from accounts) as accounts, (select count(*)::int from audit_log where action like 'account.%') as audit`)).rows[0]!;

describe('the template', () => {
  it('is an .xlsx workbook with the columns the import reads', async () => {
    const r = await t.app.inject({ url: '/api/accounts/import-template', headers: bearer(security) });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const header = (wb.worksheets[0]!.getRow(1).values as string[]).filter(Boolean);
    expect(header.map((h) => h.split(' ')[0])).toEqual(['用户名*', '姓名*', '手机号', '角色*', '数据范围编码*', '岗位编码']);
    expect(wb.worksheets[0]!.getCell('D2').dataValidation.formulae?.[0]).toContain('网格员');
  });

  it('is the security administrator\'s only', async () => {
    const admin = await t.login('admin');
    expect((await t.app.inject({ url: '/api/accounts/import-template', headers: bearer(admin) })).statusCode).toBe(403);
    expect((await upload(await workbook([['x.y.z', '某', '', '网格员', '500199001001001', '']]), admin)).statusCode).toBe(403);
  });
});

describe('a file without problems', () => {
  it('creates every account with a one-time password, its posts, and an audit entry each', async () => {
    await t.db.query(`update posts set b_holder_id = null where code = 'JJ-CSGX' and town_id = (select id from org_units where code = '500199001000')`);
    const before = await counts();
    const r = await upload(await workbook([
      ['imp.gw1', '导入网格员', '13900002222', '网格员', '500199001001001', ''],
      ['imp.hd1', '导入处置人', '', 'handler，调度员', '500199001000', 'JJ-CSGX'],
    ]));
    expect(r.statusCode, r.body).toBe(201);
    const created = r.json().created as { row: number; username: string; oneTimePassword: string }[];
    expect(created.map((c) => [c.row, c.username])).toEqual([[2, 'imp.gw1'], [3, 'imp.hd1']]);
    for (const c of created) expect(checkPasswordPolicy(c.oneTimePassword)).toBeNull();
    expect(await counts()).toEqual({ accounts: before.accounts + 2, audit: before.audit + 3 });
    const hd = (await t.db.query<{ roles: string[]; phone: string | null; must_change_password: boolean }>(
      `select roles, phone, must_change_password from accounts where username = 'imp.hd1'`)).rows[0]!;
    expect(hd).toEqual({ roles: ['handler', 'dispatcher'], phone: null, must_change_password: true });
    const post = (await t.db.query<{ b: string }>(`select u.username as b from posts p join accounts u on u.id = p.b_holder_id where p.code = 'JJ-CSGX' and p.town_id = (select id from org_units where code = '500199001000')`)).rows;
    expect(post).toEqual([{ b: 'imp.hd1' }]);
    expect((await t.db.query<{ phone: string }>(`select phone from accounts where username = 'imp.gw1'`)).rows[0]!.phone).toMatch(/^v1\./);
    const signIn = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'imp.gw1', password: created[0]!.oneTimePassword } });
    expect(signIn.json().mustChangePassword).toBe(true);
  });
});

describe('a file with problems creates nothing', () => {
  it('lists every problem by row and column, in Chinese and English', async () => {
    const before = await counts();
    const r = await upload(await workbook([
      ['ok.one', '正常', '', '网格员', '500199001001001', ''],
      ['x', '短名', '12345', '网格员', '500199001001001', ''],
      ['ok.one', '重复', '', '网格员', '500199001001001', ''],
      ['gridworker', '已占用', '', '网格员', '500199001001001', ''],
      ['two.hats', '兼任', '', '系统管理员,审计管理员', '500000000000', ''],
      ['no.scope', '无范围', '', '网格员', '999999999999', ''],
      ['bad.post', '无岗位', '', '岗位处置人', '500199001000', 'XX-NONE'],
      ['', '', '', '清洁工', '', ''],
    ]));
    expect([r.statusCode, r.json().error.code]).toEqual([422, 'IMPORT_REJECTED']);
    expect(r.json().error.messageZh).toContain('未创建任何账号');
    const errors = r.json().error.details.errors as { row: number; column: string; problem: string; message: string; messageZh: string }[];
    expect(errors.map((e) => `${e.row}${e.column} ${e.problem}`)).toEqual([
      '3A USERNAME_FORMAT', '3C PHONE_FORMAT',
      '4A USERNAME_REPEATED',
      '5A USERNAME_TAKEN',
      '6D SEPARATION_OF_DUTIES',
      '7E SCOPE_UNKNOWN',
      '8F POST_UNKNOWN',
      '9A REQUIRED', '9B REQUIRED', '9E REQUIRED', '9D ROLE_UNKNOWN',
    ]);
    for (const e of errors) {
      expect(e.message.length, `${e.row}${e.column}`).toBeGreaterThan(5);
      expect(e.messageZh, `${e.row}${e.column}`).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await counts()).toEqual(before);
  });

  it('rolls back every account when a post is refused while writing', async () => {
    const before = await counts();
    const r = await upload(await workbook([
      ['late.one', '先写入', '', '网格员', '500199001001001', ''],
      ['late.two', '岗位已满', '', '岗位处置人', '500199001000', 'JJ-CSGX'],
    ]));
    expect([r.statusCode, r.json().error.code]).toEqual([422, 'IMPORT_REJECTED']);
    expect(r.json().error.details.errors).toEqual([expect.objectContaining({ row: 3, column: 'F', problem: 'POST_FULL' })]);
    expect(await counts()).toEqual(before);
  });

  it('refuses a file that is not a workbook, an empty one, and one that unpacks to too much', async () => {
    for (const body of [Buffer.from('not a spreadsheet'), await workbook([])]) {
      const r = await upload(body);
      expect([r.statusCode, r.json().error.code]).toEqual([422, 'IMPORT_REJECTED']);
    }
    expect(() => checkZipSize(zipOf('xl/huge.xml', Buffer.alloc(40 * 1024 * 1024)))).toThrow(/xlsx/);
    expect(() => checkZipSize(zipOf('xl/small.xml', Buffer.alloc(1024)))).not.toThrow();
    const bomb = await upload(zipOf('xl/huge.xml', Buffer.alloc(40 * 1024 * 1024)));
    expect([bomb.statusCode, bomb.json().error.code]).toEqual([422, 'IMPORT_REJECTED']);
  });
});

/** A one-entry zip (deflate), as small as 40 MB of zeros packs. */
function zipOf(name: string, content: Buffer): Buffer {
  const data = deflateRawSync(content);
  const file = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18); local.writeUInt32LE(content.length, 22); local.writeUInt16LE(file.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20); central.writeUInt32LE(content.length, 24); central.writeUInt16LE(file.length, 28);
  central.writeUInt32LE(0, 42);
  const cdStart = local.length + file.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + file.length, 12); end.writeUInt32LE(cdStart, 16);
  return Buffer.concat([local, file, data, central, file, end]);
}
