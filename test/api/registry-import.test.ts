// Issue 11, import and export of the registry: the template (headers, lists, text format, notes), imports of good and
// bad rows in both modes (check digit, an ID number a spreadsheet made a number, gender, unknown tag, outside the
// importer's scope, a duplicate within the file), a GB18030 CSV, the error report, Idempotency-Key, who reads an
// import, and the export (masked, audited). PGlite by default, PostgreSQL with TEST_DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { gb18030, registryWorkbook, XLSX } from '../support/workbooks.ts';
import { idNumberCheckDigit } from '../../src/domain/registry/id-number.ts';
import { IMPORT_COLUMNS } from '../../src/domain/registry/columns.ts';
import { Readable } from 'node:stream';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../../src/server/platform/db/db.ts';
import { loadPiiKey } from '../../src/server/platform/pii-cipher.ts';
import { ImportFiles } from '../../src/server/registry/import-file.ts';
import { startImport } from '../../src/server/registry/start-import.ts';
import { importerReach, runImport } from '../../src/server/registry/run-import.ts';
import { findImporter, getImport } from '../../src/server/registry/import-store.ts';

const NEXT_GRID = '500199001001002';
const HEADER = ['姓名', '身份证号', '性别', '出生日期', '手机号', '住址', '与户主关系', '人员标签', '是否党员', '经度', '纬度', '备注'];

let t: TestApp;
const tokens: Record<string, string> = {};
let here: { lng: number; lat: number };
let next: { lng: number; lat: number };

const idNumber = (birth: string, seq: number) => {
  const first17 = `500103${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckDigit(first17);
};
const wrongCheckDigit = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'gridworker', 'community', 'dispatcher']) tokens[u] = await t.login(u);
  [here, next] = await Promise.all([gridCentre(t.db, DEMO_GRID), gridCentre(t.db, NEXT_GRID)]);
});
afterAll(async () => { await t.close(); });

const get = (url: string, who = 'gridworker') => t.app.inject({ method: 'GET', url, headers: bearer(tokens[who]!) });

async function upload(body: Buffer, o: { kind?: string; mode?: string; type?: string; key?: string; who?: string } = {}) {
  const r = await t.app.inject({
    method: 'POST', url: `/api/registry/imports?kind=${o.kind ?? 'residents'}&mode=${o.mode ?? 'allValid'}&fileName=test.xlsx`,
    headers: { ...bearer(tokens[o.who ?? 'gridworker']!), 'content-type': o.type ?? XLSX, ...(o.key ? { 'idempotency-key': o.key } : {}) },
    payload: body,
  });
  expect(r.statusCode, r.body).toBe(202);
  return r.json().id as string;
}

interface ImportView { status: string; total: number | null; processed: number; accepted: number; rejectedCount: number; failure: unknown; rejected: { row: number; column: string | null; code: string; messageZh: string; message: string }[]; policies: string[] }

async function finished(id: string, who = 'gridworker'): Promise<ImportView> {
  for (let i = 0; i < 300; i++) {
    const r = await get(`/api/registry/imports/${id}`, who);
    expect(r.statusCode, r.body).toBe(200);
    const v = r.json() as ImportView;
    if (v.status === 'done' || v.status === 'failed') return v;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the import did not finish');
}

async function residentsNamed(name: string): Promise<{ idNumber: string; gridId: string }[]> {
  const r = await get(`/api/registry/residents?q=${encodeURIComponent(name)}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json().items;
}

describe('the template', () => {
  it('opens with headers, a sample row, lists for the choices, text-formatted ID and phone columns and notes', async () => {
    const r = await get('/api/registry/templates/residents');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const columns = IMPORT_COLUMNS.residents;
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    expect(headers).toEqual(columns.map((c) => `${c.header}${c.required ? '*' : ''}`));
    expect(headers.slice(0, 3)).toEqual(['姓名*', '身份证号*', '性别']);
    // the sample row
    expect(sheet.getRow(2).getCell(2).value).toBe(columns[1]!.example);
    // 性别 offers 男/女; 是否党员 是/否
    const gender = sheet.getCell('C3').dataValidation;
    expect(gender).toMatchObject({ type: 'list', formulae: ['"男,女"'] });
    const party = columns.findIndex((c) => c.key === 'partyMember') + 1;
    expect(sheet.getRow(500).getCell(party).dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    // ID number and phone as text, so a spreadsheet keeps every digit
    expect(sheet.getColumn(2).numFmt).toBe('@');
    expect(sheet.getColumn(columns.findIndex((c) => c.key === 'phone') + 1).numFmt).toBe('@');
    const notes = wb.getWorksheet('填写说明')!;
    expect(notes.getRow(2).getCell(1).value).toBe('姓名');
    expect(String(notes.getRow(3).getCell(3).value)).toContain('文本格式');
  });

  it('is there for every kind, and only for editors', async () => {
    for (const kind of ['households', 'buildings', 'places', 'things']) expect((await get(`/api/registry/templates/${kind}`)).statusCode).toBe(200);
    expect((await get('/api/registry/templates/residents', 'dispatcher')).statusCode).toBe(403);
    expect((await get('/api/registry/templates/cars')).statusCode).toBe(400);
  });
});

describe('an import of good and bad rows', () => {
  const good1 = idNumber('1946-03-02', 22); // female
  const good2 = idNumber('1980-07-15', 31); // male
  const female = idNumber('1990-01-01', 42);
  const rows = () => [
    ['王秀英', good1, '女', '1946-03-02', '13800001111', '春晖路1号', '户主', '独居老人、高龄老人', '否', here.lng, here.lat, ''],
    ['张建国', good2, '', '', '', '春晖路2号', '', '', '是', null, null, '只有住址：网格员本人的网格'],
    ['错校验', wrongCheckDigit(idNumber('1970-01-01', 11)), '', '', '', '春晖路3号', '', '', '', null, null, ''],
    ['变数字', 500103196801011000, '', '', '', '春晖路4号', '', '', '', null, null, ''],
    ['性别错', female, '男', '', '', '春晖路5号', '', '', '', null, null, ''],
    ['标签错', idNumber('1975-05-05', 51), '', '', '', '春晖路6号', '', '外星人', '', null, null, ''],
    ['范围外', idNumber('1985-08-08', 61), '', '', '', '', '', '', '', next.lng, next.lat, ''],
    ['重复', good2, '', '', '', '春晖路7号', '', '', '', null, null, ''],
  ];

  let id: string;
  it('allOrNothing writes nothing while any row is wrong, and lists every problem', async () => {
    const v = await finished(await upload(await registryWorkbook(HEADER, rows()), { mode: 'allOrNothing' }));
    expect(v, JSON.stringify(v.failure)).toMatchObject({ status: 'done', total: 8, processed: 8, accepted: 0, rejectedCount: 6 });
    expect(await residentsNamed('王秀英')).toEqual([]);
  });

  it('allValid writes the good rows and refuses each bad one with its column and reason', async () => {
    id = await upload(await registryWorkbook(HEADER, rows()), { mode: 'allValid' });
    const v = await finished(id);
    expect(v).toMatchObject({ status: 'done', total: 8, processed: 8, accepted: 2, rejectedCount: 6, failure: null });
    const by = (row: number) => v.rejected.filter((r) => r.row === row);
    expect(by(4)).toMatchObject([{ column: '身份证号', code: 'ID_NUMBER_CHECK_DIGIT' }]);
    expect(by(5)).toMatchObject([{ column: '身份证号', code: 'ID_NUMBER_SCIENTIFIC' }]);
    expect(by(5)[0]!.messageZh).toContain('文本格式');
    expect(by(5)[0]!.message).toContain('set the ID number column to text');
    expect(by(6)).toMatchObject([{ column: '性别', code: 'GENDER_MISMATCH' }]);
    expect(by(7)).toMatchObject([{ column: '人员标签', code: 'TAG_UNKNOWN' }]);
    expect(by(8)).toMatchObject([{ column: '经度', code: 'LOCATION_OUTSIDE_SCOPE' }]);
    expect(by(9)).toMatchObject([{ column: '身份证号', code: 'DUPLICATE_IN_FILE' }]);
    expect(by(9)[0]!.messageZh).toContain('第 3 行');
    expect(v.policies).toEqual(['downloadReport']);

    const [wang] = await residentsNamed('王秀英');
    expect(wang).toMatchObject({ idNumber: `500***********${good1.slice(-4)}`, gender: 'female', tags: ['elderly_alone', 'elderly_80plus'] });
    const [zhang] = await residentsNamed('张建国');
    expect(zhang).toMatchObject({ partyMember: true, gridId: (wang as { gridId: string }).gridId });
    // stored sealed, with one history row each and one audit entry for the import
    const raw = (await t.db.query<{ id_number: string }>('select id_number from registry_residents where id_number_masked like $1', [`%${good1.slice(-4)}`])).rows;
    expect(raw[0]!.id_number).not.toContain('500103');
    const changes = (await t.db.query<{ n: number }>(`select count(*)::int as n from registry_changes where action = 'import' and reason = 'test.xlsx'`)).rows[0]!.n;
    expect(changes).toBe(2);
    const audits = (await t.db.query<{ detail: { accepted: number } }>(`select detail from audit_log where action = 'registry.import' and target_id = $1`, [id])).rows;
    expect(audits).toHaveLength(1);
    expect(audits[0]!.detail).toMatchObject({ kind: 'residents', mode: 'allValid', accepted: 2, rejected: 6 });
  });

  it('a second import of the same people finds them in the registry', async () => {
    const v = await finished(await upload(await registryWorkbook(HEADER, rows().slice(0, 2))));
    expect(v).toMatchObject({ accepted: 0, rejectedCount: 2 });
    expect(v.rejected.map((r) => r.code)).toEqual(['ID_NUMBER_TAKEN', 'ID_NUMBER_TAKEN']);
  });

  it('allOrNothing writes every row when all are good', async () => {
    const a = idNumber('1950-02-02', 71), b = idNumber('1951-03-03', 82);
    const id = await upload(await registryWorkbook(HEADER, [
      ['全对甲', a, '', '', '', '春晖路8号', '', '', '', null, null, ''],
      ['全对乙', b, '', '', '', '春晖路8号', '', '', '', null, null, ''],
    ]), { mode: 'allOrNothing' });
    const v = await finished(id);
    expect(v).toMatchObject({ status: 'done', accepted: 2, rejectedCount: 0, policies: [] });
    // nothing refused, no report: the uploaded file (ID numbers in it) is gone at once
    const file = path.join(t.config.dataDir, 'registry-imports', `${id}.upload`);
    for (let i = 0; i < 40 && existsSync(file); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(existsSync(file)).toBe(false);
    expect(await residentsNamed('全对')).toHaveLength(2);
  });

  it('the report lists the refused rows as uploaded, 错误原因 beside them and the cell at fault red', async () => {
    const r = await get(`/api/registry/imports/${id}/report`);
    expect(r.statusCode, r.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const head = (sheet.getRow(1).values as string[]).slice(1);
    expect(head).toEqual(['原行号', ...HEADER, '错误原因']);
    expect(sheet.actualRowCount).toBe(7);
    const gender = sheet.getRow(4);
    expect(gender.getCell(1).value).toBe(6);
    expect(gender.getCell(2).value).toBe('性别错');
    expect(String(gender.getCell(HEADER.length + 2).value)).toContain('性别与身份证号不符');
    expect(gender.getCell(HEADER.indexOf('性别') + 2).fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFFFC7CE' } });
  });

  it('only the importer and the admins of its scope read an import', async () => {
    expect((await get(`/api/registry/imports/${id}`, 'community')).statusCode).toBe(404);
    expect((await get(`/api/registry/imports/${id}/report`, 'community')).statusCode).toBe(404);
    expect((await get(`/api/registry/imports/${id}`, 'admin')).statusCode).toBe(200);
    expect((await get(`/api/registry/imports/${id}`, 'dispatcher')).statusCode).toBe(403);
    const mine = await get('/api/registry/imports');
    expect(mine.json().items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await get('/api/registry/imports', 'community')).json().items).toEqual([]);
  });
});

describe('files', () => {
  it('reads a CSV saved by Excel on a Chinese Windows (GB18030)', async () => {
    const csv = `${HEADER.join(',')}\r\n李国华,${idNumber('1960-06-06', 91)},男,,,春晖路9号,,低保对象,,,,\r\n`;
    const v = await finished(await upload(gb18030(csv), { type: 'text/csv' }));
    expect(v).toMatchObject({ status: 'done', accepted: 1, rejectedCount: 0 });
    expect(await residentsNamed('李国华')).toHaveLength(1);
  });

  it('reads a UTF-8 CSV with a BOM', async () => {
    const csv = `\ufeff${HEADER.join(',')}\n陈美玲,${idNumber('1962-07-07', 102)},,,,春晖路10号,,,,,,\n`;
    const v = await finished(await upload(Buffer.from(csv, 'utf8'), { type: 'application/vnd.ms-excel' }));
    expect(v).toMatchObject({ status: 'done', accepted: 1 });
  });

  it('fails a file whose header is not the template\'s, saying which columns are missing', async () => {
    const v = await finished(await upload(await registryWorkbook(['名字', '号码'], [['甲', '1']])));
    expect(v.status).toBe('failed');
    expect(v.failure).toMatchObject({ code: 'HEADER_MISMATCH' });
    expect((v.failure as { messageZh: string }).messageZh).toContain('身份证号');
  });

  it('refuses an empty body and a JSON body', async () => {
    const empty = await t.app.inject({ method: 'POST', url: '/api/registry/imports?kind=residents', headers: { ...bearer(tokens.gridworker!), 'content-type': 'text/csv' }, payload: '' });
    expect(empty.statusCode).toBe(400);
    const json = await t.app.inject({ method: 'POST', url: '/api/registry/imports?kind=residents', headers: bearer(tokens.gridworker!), payload: { rows: [] } });
    expect(json.statusCode).toBe(415);
  });

  it('honours Idempotency-Key: the same key answers the first import', async () => {
    const body = await registryWorkbook(HEADER, [['幂等', idNumber('1963-08-08', 113), '', '', '', '春晖路11号', '', '', '', null, null, '']]);
    const first = await upload(body, { key: 'imp-1' });
    const again = await upload(body, { key: 'imp-1' });
    expect(again).toBe(first);
    await finished(first);
    const n = (await t.db.query<{ n: number }>(`select count(*)::int as n from registry_imports where idempotency_key = 'imp-1'`)).rows[0]!.n;
    expect(n).toBe(1);
    expect(await residentsNamed('幂等')).toHaveLength(1);
  });
});

describe('exports', () => {
  it('exports the list with its filters, masked as the reader sees it, and audits it once', async () => {
    const r = await get('/api/registry/exports/residents?q=%E7%8E%8B%E7%A7%80%E8%8B%B1');
    expect(r.statusCode, r.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('姓名');
    expect(sheet.actualRowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe('王秀英');
    expect(String(sheet.getRow(2).getCell(2).value)).toMatch(/^500\*{11}\d{3}[\dX]$/);
    expect(sheet.getRow(2).getCell(5).value).toBe('138****1111');
    const audits = (await t.db.query<{ detail: { rows: number; kind: string } }>(`select detail from audit_log where action = 'registry.export'`)).rows;
    expect(audits).toHaveLength(1);
    expect(audits[0]!.detail).toMatchObject({ kind: 'residents', rows: 1, filters: { q: '王秀英' } });
  });

  it('refuses filters of another list, and callers who do not read the registry', async () => {
    expect((await get('/api/registry/exports/buildings?idNumber=1')).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/registry/exports/residents', headers: bearer(await t.login('department')) })).statusCode).toBe(403);
  });
});

describe('a restart', () => {
  it('resumes an allValid import after the last batch it wrote: no row twice, duplicates of earlier rows still found', async () => {
    const files = new ImportFiles(t.config.dataDir, loadPiiKey(t.config.dataDir));
    const account = (await t.db.query<{ id: string; scope_org_unit_id: string }>(`select id, scope_org_unit_id from accounts where username = 'gridworker'`)).rows[0]!;
    const reach = importerReach((await findImporter(t.db, account.id))!)!;
    const day = (i: number) => new Date(Date.UTC(1931, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const rows = Array.from({ length: 2500 }, (_, i) => [`续传${i}`, idNumber(day(i), 777), '', '', '', `续传路${i}号`, '', '', '', null, null, '']);
    rows[2399]![1] = rows[9]![1]!; // row 2401 repeats row 11, which the first run wrote
    const { id } = await startImport(t.db, files, { ...reach, scopeOrgUnitId: account.scope_org_unit_id }, {
      kind: 'residents', mode: 'allValid', fileName: 'restart.xlsx', idempotencyKey: null, body: Readable.from([await registryWorkbook(HEADER, rows)]), now: t.clock.now,
    });
    // a worker that dies after its first batch (the start, batch 1, then nothing reaches the database)
    let transactions = 0;
    const dying: Db = { ...t.db, transaction: (fn) => (++transactions > 2 ? Promise.reject(new Error('killed')) : t.db.transaction(fn)) };
    const svc = { db: dying, pii: t.app.pii, locator: t.app.locator, files, clock: () => t.clock.now };
    await expect(runImport(svc, id)).rejects.toThrow('killed');
    expect(await getImport(t.db, id)).toMatchObject({ status: 'running', processed: 1000, accepted: 1000 });

    await runImport({ ...svc, db: t.db }, id);
    const after = await getImport(t.db, id);
    expect(after?.status, after?.failure ?? '').toBe('done');
    expect(await getImport(t.db, id)).toMatchObject({ status: 'done', total: 2500, processed: 2500, accepted: 2499, rejected_count: 1 });
    const written = (await t.db.query<{ n: number }>(`select count(*)::int as n from registry_residents where name like '续传%'`)).rows[0]!.n;
    const missing = (await t.db.query<{ name: string }>(`select g.i::text as name from generate_series(0, 2499) g(i) where not exists (select 1 from registry_residents r where r.name = '续传' || g.i)`)).rows;
    // every name whole: ExcelJS alone garbles a character split between two chunks of the file (import-reader.ts)
    expect(missing.map((m) => m.name)).toEqual(['2399']);
    expect(written).toBe(2499);
    const history = (await t.db.query<{ n: number }>(`select count(*)::int as n from registry_changes where reason = 'restart.xlsx'`)).rows[0]!.n;
    expect(history).toBe(2499);
    const v = (await get(`/api/registry/imports/${id}`)).json() as ImportView;
    expect(v.rejected).toMatchObject([{ row: 2401, code: 'DUPLICATE_IN_FILE' }]);
    expect(v.rejected[0]!.messageZh).toContain('第 11 行');
  });
});

describe('an import that crashes its worker every time', () => {
  it('ends failed after three attempts, saying why in both languages, and its file is deleted', async () => {
    const files = new ImportFiles(t.config.dataDir, loadPiiKey(t.config.dataDir));
    const account = (await t.db.query<{ id: string; scope_org_unit_id: string }>(`select id, scope_org_unit_id from accounts where username = 'gridworker'`)).rows[0]!;
    const reach = importerReach((await findImporter(t.db, account.id))!)!;
    const { id } = await startImport(t.db, files, { ...reach, scopeOrgUnitId: account.scope_org_unit_id }, {
      kind: 'residents', mode: 'allValid', fileName: 'crash.xlsx', idempotencyKey: null,
      body: Readable.from([await registryWorkbook(HEADER, [['崩溃甲', idNumber('1961-02-03', 901), '', '', '', '崩溃路1号', '', '', '', null, null, '']])]), now: t.clock.now,
    });
    // each run gets as far as its start, then its process dies: nothing after the first transaction reaches the database
    const crashing = (): Db => {
      let transactions = 0;
      return { ...t.db, transaction: (fn) => (++transactions > 1 ? Promise.reject(new Error('killed')) : t.db.transaction(fn)) };
    };
    for (let i = 1; i <= 3; i++) {
      await expect(runImport({ db: crashing(), pii: t.app.pii, locator: t.app.locator, files, clock: () => t.clock.now }, id)).rejects.toThrow('killed');
      expect(await getImport(t.db, id)).toMatchObject({ status: 'running', attempts: i });
    }
    // the next tick gives up on it rather than crash again
    await runImport({ db: t.db, pii: t.app.pii, locator: t.app.locator, files, clock: () => t.clock.now }, id);
    const v = (await get(`/api/registry/imports/${id}`)).json() as ImportView & { failure: { code: string; message: string; messageZh: string } };
    expect(v.status).toBe('failed');
    expect(v.failure.code).toBe('TOO_MANY_ATTEMPTS');
    expect(v.failure.messageZh).toContain('3 次');
    expect(v.failure.message).toContain('3 times');
    expect(await files.exists(id)).toBe(false);
    expect(await residentsNamed('崩溃甲')).toEqual([]);
  });
});

describe('a household registered while a batch is written', () => {
  it('its room\'s residents join it: the import does not fail, and no second household is made', async () => {
    const b = await finished(await upload(await registryWorkbook(['名称', '地址', '经度', '纬度', '单元数', '层数', '每层户数'], [
      ['竞态小区1栋', '春晖路30号', here.lng, here.lat, 1, 6, 2],
    ]), { kind: 'buildings' }));
    expect(b).toMatchObject({ status: 'done', accepted: 1 });
    const building = (await t.db.query<{ id: string; grid_id: string; town_id: string; org_path: string }>(
      `select id, grid_id, town_id, org_path from registry_buildings where name = '竞态小区1栋'`)).rows[0]!;
    const files = new ImportFiles(t.config.dataDir, loadPiiKey(t.config.dataDir));
    const account = (await t.db.query<{ id: string; scope_org_unit_id: string }>(`select id, scope_org_unit_id from accounts where username = 'gridworker'`)).rows[0]!;
    const reach = importerReach((await findImporter(t.db, account.id))!)!;
    const { id } = await startImport(t.db, files, { ...reach, scopeOrgUnitId: account.scope_org_unit_id }, {
      kind: 'residents', mode: 'allValid', fileName: 'race.xlsx', idempotencyKey: null, now: t.clock.now,
      body: Readable.from([await registryWorkbook(['姓名', '身份证号', '楼栋', '单元', '房号', '与户主关系'], [
        ['竞态甲', idNumber('1950-03-03', 311), '竞态小区1栋', 1, '501', '户主'],
        ['竞态乙', idNumber('1952-04-04', 322), '竞态小区1栋', 1, '501', '配偶'],
        ['竞态丙', idNumber('1980-05-05', 333), '竞态小区1栋', 1, '502', '户主'],
      ])]),
    });
    // someone registers room 501 after the batch found it empty, just before the batch writes its households
    const racing: Db = { ...t.db, transaction: (fn) => t.db.transaction((tx) => fn({
      ...tx, exec: (sql) => tx.exec(sql),
      query: async (sql, params) => {
        if (sql.includes('insert into registry_households') && !sql.includes("'竞态")) {
          await tx.query(
            `insert into registry_households (id, town_id, grid_id, org_path, building_id, unit_no, room_no, address, created_at, updated_at)
             values ('race-501', $1, $2, $3, $4, 1, '501', '竞态小区1栋1单元501（手工）', now(), now())`,
            [building.town_id, building.grid_id, building.org_path, building.id]);
        }
        return tx.query(sql, params);
      },
    })) };
    await runImport({ db: racing, pii: t.app.pii, locator: t.app.locator, files, clock: () => t.clock.now }, id);
    const v = (await get(`/api/registry/imports/${id}`)).json() as ImportView;
    expect(v, JSON.stringify(v.failure)).toMatchObject({ status: 'done', accepted: 3, rejectedCount: 0 });
    const rooms = (await t.db.query<{ id: string; room_no: string; members: string[]; head: string | null }>(
      `select h.id, h.room_no, array_agg(r.name order by r.name) as members, (select name from registry_residents where id = h.head_resident_id) as head
         from registry_households h left join registry_residents r on r.household_id = h.id
        where h.building_id = $1 group by h.id order by h.room_no`, [building.id])).rows;
    expect(rooms).toMatchObject([
      { id: 'race-501', room_no: '501', members: ['竞态乙', '竞态甲'].sort(), head: '竞态甲' },
      { room_no: '502', members: ['竞态丙'], head: '竞态丙' },
    ]);
    const history = (await t.db.query<{ household_id: string }>(
      `select c.household_id from registry_changes c join registry_residents r on r.id = c.entity_id where r.name in ('竞态甲', '竞态乙')`)).rows;
    expect(history.map((h) => h.household_id)).toEqual(['race-501', 'race-501']);
  });
});

describe('the other kinds', () => {
  it('imports buildings, then households and residents into their rooms, places and things', async () => {
    const b = await finished(await upload(await registryWorkbook(['名称', '地址', '经度', '纬度', '单元数', '层数', '每层户数', '结构', '建成年份'], [
      ['导入小区1栋', '春晖路20号', here.lng, here.lat, 2, 6, 2, '砖混', 1998],
      ['导入小区2栋', '春晖路21号', next.lng, next.lat, 1, 6, 2, '', ''],
      ['导入小区3栋', '春晖路22号', '', '', 1, 6, 2, '', ''],
    ]), { kind: 'buildings' }));
    expect(b).toMatchObject({ status: 'done', accepted: 1, rejectedCount: 2 });
    expect(b.rejected.map((r) => r.code)).toEqual(['LOCATION_OUTSIDE_SCOPE', 'LOCATION_REQUIRED']);

    const h = await finished(await upload(await registryWorkbook(['地址', '楼栋', '单元', '楼层', '房号', '居住类型'], [
      ['春晖路20号1栋1单元301', '导入小区1栋', 1, 3, '301', '常住'],
      ['春晖路20号1栋1单元301', '导入小区1栋', 1, 3, '301', ''],
      ['春晖路99号', '没有这栋楼', 1, 1, '101', ''],
    ]), { kind: 'households' }));
    expect(h).toMatchObject({ status: 'done', accepted: 1, rejectedCount: 2 });
    expect(h.rejected.map((r) => r.code)).toEqual(['DUPLICATE_IN_FILE', 'BUILDING_UNKNOWN']);

    const head = idNumber('1955-05-05', 121);
    const r = await finished(await upload(await registryWorkbook(['姓名', '身份证号', '楼栋', '单元', '房号', '与户主关系'], [
      ['楼里甲', head, '导入小区1栋', 1, '301', '户主'],
      ['楼里乙', idNumber('1957-06-06', 132), '导入小区1栋', 1, '302室', '配偶'],
      ['楼里丙', idNumber('1982-07-07', 143), '导入小区1栋', 1, '302', '子女'],
    ])));
    expect(r).toMatchObject({ status: 'done', accepted: 3, rejectedCount: 0 });
    const rooms = (await t.db.query<{ room_no: string; members: number; head: boolean; residence_kind: string }>(
      `select h.room_no, count(r.id)::int as members, coalesce(bool_or(h.head_resident_id = r.id), false) as head, h.residence_kind
         from registry_households h join registry_residents r on r.household_id = h.id
         join registry_buildings b on b.id = h.building_id where b.name = '导入小区1栋' group by h.id order by h.room_no`)).rows;
    // 301 was imported as a household (常住) and took its head; 302 was made for its two residents (302室 is room 302)
    expect(rooms).toEqual([
      { room_no: '301', members: 1, head: true, residence_kind: 'resident' },
      { room_no: '302', members: 2, head: false, residence_kind: 'registered' },
    ]);

    const p = await finished(await upload(await registryWorkbook(['名称', '类型', '地址', '经度', '纬度', '联系人', '联系电话'], [
      ['导入便利店', '商铺', '春晖路23号', here.lng, here.lat, '李明', '023-68123456'],
      ['导入医院', '诊所', '春晖路24号', here.lng, here.lat, '', ''],
    ]), { kind: 'places' }));
    expect(p).toMatchObject({ status: 'done', accepted: 1, rejectedCount: 1 });
    expect(p.rejected[0]).toMatchObject({ column: '类型', code: 'OPTION_UNKNOWN' });
    const place = (await t.db.query<{ contact_phone: string; contact_phone_masked: string }>(`select contact_phone, contact_phone_masked from registry_places where name = '导入便利店'`)).rows[0]!;
    expect(place.contact_phone).not.toContain('68123456');
    expect(place.contact_phone_masked).toBe('023-****3456');

    const th = await finished(await upload(await registryWorkbook(['名称', '类型', '风险等级', '巡查周期（天）', '楼栋'], [
      ['导入外立面', '外立面', '高', 30, '导入小区1栋'],
      ['导入井盖', '窨井盖', '低', '', ''],
    ]), { kind: 'things' }));
    expect(th).toMatchObject({ status: 'done', accepted: 1, rejectedCount: 1 });
    const thing = (await t.db.query<{ building_id: string | null; risk_level: string }>(`select building_id, risk_level from registry_things where name = '导入外立面'`)).rows[0]!;
    expect(thing).toMatchObject({ risk_level: 'high' });
    expect(thing.building_id).not.toBeNull();
  });
});
