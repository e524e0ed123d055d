// Bulk creation of staff accounts from a spreadsheet (批量导入): the columns of the template, reading one row into an
// account, and the problems of each row, named by row and column in English and Chinese. All or nothing: a file with
// any problem creates no account. Look-ups (taken usernames, unit and post codes) are passed in, so this stays pure.
import type { Role } from '../../shared/roles.ts';
import { checkAccountFields, type AccountField } from './account-input.ts';

/** The columns of the template, in order; a header cell holds the Chinese name and the key in brackets. */
export const IMPORT_COLUMNS = [
  { key: 'username', zh: '用户名', required: true },
  { key: 'name', zh: '姓名', required: true },
  { key: 'phone', zh: '手机号', required: false },
  { key: 'roles', zh: '角色', required: true },
  { key: 'scope', zh: '数据范围编码', required: true },
  { key: 'posts', zh: '岗位编码', required: false },
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number]['key'];

/** At most this many accounts per file: each gets a password hashed on purpose slowly. */
export const IMPORT_MAX_ROWS = 200;

/** The names a spreadsheet may use for a role: its key or its Chinese name. */
export const ROLE_NAMES_ZH: Record<Exclude<Role, 'resident'>, string> = {
  admin: '系统管理员', securityAdmin: '安全管理员', auditor: '审计管理员', leader: '领导', dispatcher: '调度员',
  handler: '岗位处置人', department: '区县部门', communityStaff: '社区工作人员', gridWorker: '网格员',
};

export type RawRow = { row: number } & Partial<Record<ImportColumn, string>>;

export interface ImportProblem {
  row: number;
  /** the spreadsheet's column letter */
  column: string;
  field: ImportColumn;
  problem: string;
  message: string;
  messageZh: string;
}

export interface ImportedAccount {
  row: number;
  username: string;
  name: string;
  phone: string | null;
  roles: Role[];
  scopeCode: string;
  postCodes: string[];
}

/** What the store knows, asked for once for the whole file. */
export interface ImportLookups {
  takenUsernames: ReadonlySet<string>;
  /** unit code → the town holding it (null above a town), for the units inside the administrator's scope */
  unitTowns: ReadonlyMap<string, string | null>;
  /** `${townId}:${postCode}` of the posts inside the administrator's scope */
  postKeys: ReadonlySet<string>;
}

export const columnLetter = (field: ImportColumn): string => String.fromCharCode(65 + IMPORT_COLUMNS.findIndex((c) => c.key === field));

const list = (cell: string | undefined) => (cell ?? '').split(/[,，、;；\s]+/).map((x) => x.trim()).filter(Boolean);

/** A role by its key or Chinese name; the text as it was when it is neither (the role check names it). */
export function roleOf(text: string): string {
  return Object.entries(ROLE_NAMES_ZH).find(([, zh]) => zh === text)?.[0] ?? text;
}

const FIELD_COLUMN: Record<AccountField, ImportColumn> = { username: 'username', name: 'name', phone: 'phone', roles: 'roles' };

/**
 * Reads every row into an account or lists its problems: the fields as for one account, required cells, usernames
 * taken or repeated in the file, unit codes unknown or outside the scope, post codes not found in the town of the
 * account's scope. Rows with nothing in them are skipped.
 */
export function readImportRows(rows: readonly RawRow[], lookups: ImportLookups): { accounts: ImportedAccount[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const accounts: ImportedAccount[] = [];
  const seen = new Map<string, number>();
  const filled = rows.filter((r) => IMPORT_COLUMNS.some((c) => (r[c.key] ?? '').trim() !== ''));
  if (filled.length === 0) {
    problems.push({ row: 2, column: 'A', field: 'username', problem: 'NO_ROWS', message: 'The file has no account rows.', messageZh: '文件中没有账号数据。' });
  }
  if (filled.length > IMPORT_MAX_ROWS) {
    problems.push({ row: filled[IMPORT_MAX_ROWS]!.row, column: 'A', field: 'username', problem: 'TOO_MANY_ROWS',
      message: `At most ${IMPORT_MAX_ROWS} accounts per file.`, messageZh: `每个文件最多 ${IMPORT_MAX_ROWS} 个账号。` });
    return { accounts: [], problems };
  }
  for (const r of filled) {
    const add = (field: ImportColumn, problem: string, message: string, messageZh: string) =>
      problems.push({ row: r.row, column: columnLetter(field), field, problem, message, messageZh });
    const cell = (k: ImportColumn) => (r[k] ?? '').trim();
    for (const c of IMPORT_COLUMNS) {
      if (c.required && cell(c.key) === '') add(c.key, 'REQUIRED', `Fill in ${c.key}.`, `请填写${c.zh}。`);
    }
    const roles = list(r.roles).map(roleOf);
    const fields = { username: cell('username'), name: cell('name'), phone: cell('phone') || null, roles };
    for (const p of checkAccountFields(fields)) {
      if (cell(FIELD_COLUMN[p.field]) !== '') add(FIELD_COLUMN[p.field], p.code, p.message, p.messageZh);
    }
    const username = fields.username;
    if (username && lookups.takenUsernames.has(username)) add('username', 'USERNAME_TAKEN', `The username ${username} is taken.`, `用户名 ${username} 已被使用。`);
    const first = seen.get(username);
    if (username && first !== undefined) add('username', 'USERNAME_REPEATED', `The username is also on row ${first}.`, `用户名与第 ${first} 行重复。`);
    else if (username) seen.set(username, r.row);
    const scopeCode = cell('scope');
    const town = lookups.unitTowns.get(scopeCode);
    if (scopeCode && town === undefined) {
      add('scope', 'SCOPE_UNKNOWN', `No unit ${scopeCode} in your scope.`, `您的数据范围内没有编码为 ${scopeCode} 的单位。`);
    }
    const postCodes = list(r.posts);
    for (const code of postCodes) {
      if (town === undefined) break;
      if (town === null) {
        add('posts', 'POST_NEEDS_TOWN', 'Posts belong to a town: give the account a scope in a town.', '岗位属于镇街：请将数据范围设在某个镇街之内。');
        break;
      }
      if (!lookups.postKeys.has(`${town}:${code}`)) add('posts', 'POST_UNKNOWN', `No post ${code} in the scope's town.`, `该数据范围所在镇街没有岗位 ${code}。`);
    }
    accounts.push({ row: r.row, username, name: fields.name, phone: fields.phone, roles: roles as Role[], scopeCode, postCodes });
  }
  return { accounts: problems.length ? [] : accounts, problems };
}
