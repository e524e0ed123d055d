import { describe, expect, it } from 'vitest';
import { columnLetter, IMPORT_MAX_ROWS, readImportRows, roleOf, type ImportLookups, type RawRow } from '../../../src/domain/identity/account-import.ts';

const lookups: ImportLookups = {
  takenUsernames: new Set(['taken']),
  unitTowns: new Map([['G1', 'T1'], ['T1CODE', 'T1'], ['DISTRICT', null]]),
  postKeys: new Set(['T1:JJ-CSGX']),
};
const row = (n: number, cells: Partial<RawRow>): RawRow => ({ row: n, username: `user.${n}`, name: '某人', phone: '', roles: '网格员', scope: 'G1', posts: '', ...cells });
const problems = (rows: RawRow[]) => readImportRows(rows, lookups).problems.map((p) => `${p.row}${p.column} ${p.problem}`);

describe('reading the rows of an account import', () => {
  it.each([
    ['网格员', 'gridWorker'], ['gridWorker', 'gridWorker'], ['安全管理员', 'securityAdmin'], ['清洁工', '清洁工'],
  ])('role %s → %s', (text, role) => expect(roleOf(text)).toBe(role));

  it('names the columns as the spreadsheet does', () => {
    expect(['username', 'name', 'phone', 'roles', 'scope', 'posts'].map((f) => columnLetter(f as never)).join('')).toBe('ABCDEF');
  });

  it('reads a good row into an account, roles by either name, posts in the scope\'s town', () => {
    const { accounts, problems: found } = readImportRows([row(2, { roles: 'handler、调度员', scope: 'T1CODE', posts: 'JJ-CSGX', phone: '13800001111' })], lookups);
    expect(found).toEqual([]);
    expect(accounts).toEqual([{ row: 2, username: 'user.2', name: '某人', phone: '13800001111', roles: ['handler', 'dispatcher'], scopeCode: 'T1CODE', postCodes: ['JJ-CSGX'] }]);
  });

  it.each([
    ['a taken username', [row(2, { username: 'taken' })], ['2A USERNAME_TAKEN']],
    ['a username twice', [row(2, { username: 'same' }), row(3, { username: 'same' })], ['3A USERNAME_REPEATED']],
    ['two separated duties', [row(2, { roles: '系统管理员,安全管理员' })], ['2D SEPARATION_OF_DUTIES']],
    ['a resident', [row(2, { roles: 'resident' })], ['2D ROLE_NOT_STAFF']],
    ['a unit outside the scope', [row(2, { scope: 'ELSEWHERE' })], ['2E SCOPE_UNKNOWN']],
    ['a post above a town', [row(2, { scope: 'DISTRICT', posts: 'JJ-CSGX' })], ['2F POST_NEEDS_TOWN']],
    ['an unknown post', [row(2, { posts: 'JJ-NONE' })], ['2F POST_UNKNOWN']],
    ['missing cells', [row(2, { username: '', name: '', roles: '' })], ['2A REQUIRED', '2B REQUIRED', '2D REQUIRED']],
    ['no rows', [row(2, { username: '', name: '', roles: '', scope: '' })], ['2A NO_ROWS']],
  ])('refuses %s and creates nothing', (_, rows, expected) => {
    expect(problems(rows)).toEqual(expected);
    expect(readImportRows(rows, lookups).accounts).toEqual([]);
  });

  it(`refuses more than ${IMPORT_MAX_ROWS} rows`, () => {
    const rows = Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => row(i + 2, {}));
    expect(problems(rows)).toEqual([`${IMPORT_MAX_ROWS + 2}A TOO_MANY_ROWS`]);
  });
});
