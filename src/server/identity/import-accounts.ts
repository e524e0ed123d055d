import type { Db } from '../platform/db/db.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import { AppError } from '../platform/errors.ts';
import { columnLetter, readImportRows, type ImportProblem } from '../../domain/identity/account-import.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { hashPassword } from './password-hash.ts';
import { newOneTimePassword } from './one-time-password.ts';
import { auditActor, type AccountAdmin } from './account-admin.ts';
import { postCommandOf, setPostPlaces } from './account-places.ts';
import { readAccountSheet } from './account-sheet.ts';
import * as store from './accounts-store.ts';

export interface ImportedAccountResult {
  row: number;
  id: string;
  username: string;
  name: string;
  oneTimePassword: string;
}

const rejected = (problems: readonly ImportProblem[]) => new AppError('IMPORT_REJECTED',
  `The file has ${problems.length} problem(s); no account was created.`, `文件中有 ${problems.length} 处错误，未创建任何账号。`, { errors: problems });

/**
 * Creates the staff accounts of a spreadsheet, all or none: every row is checked first (fields, roles, 三员分立,
 * usernames taken or repeated, unit and post codes in the administrator's scope), then every account is written in
 * one transaction with its one-time password, its posts and an audit entry; a post refused while writing (full, or
 * one the account may not hold) rolls everything back and is reported on its row. The one-time passwords are returned
 * once, here, and kept nowhere.
 */
export async function importAccounts(db: Db, pii: PiiCipher, admin: AccountAdmin, file: Buffer, now: Date): Promise<ImportedAccountResult[]> {
  const rows = await readAccountSheet(file);
  const codes = [...new Set(rows.map((r) => (r.scope ?? '').trim()).filter(Boolean))];
  const units = await store.unitsByCodes(db, codes, admin.scopePath);
  const townIds = [...new Set(units.map((u) => u.town_id).filter((t): t is string => t !== null))];
  const posts = await store.postsOfTowns(db, townIds);
  const taken = await store.takenUsernames(db, rows.map((r) => (r.username ?? '').trim()).filter(Boolean));
  const { accounts, problems } = readImportRows(rows, {
    takenUsernames: new Set(taken),
    unitTowns: new Map(units.map((u) => [u.code, u.town_id])),
    postKeys: new Set(posts.map((p) => `${p.town_id}:${p.code}`)),
  });
  if (problems.length) throw rejected(problems);

  const unitId = new Map(units.map((u) => [u.code, u]));
  const postId = new Map(posts.map((p) => [`${p.town_id}:${p.code}`, p.id]));
  const passwords = accounts.map(() => newOneTimePassword());
  const hashes = await Promise.all(passwords.map(hashPassword));
  try {
    return await db.transaction(async (tx) => {
      const created: ImportedAccountResult[] = [];
      const late: ImportProblem[] = [];
      for (const [i, a] of accounts.entries()) {
        const unit = unitId.get(a.scopeCode)!;
        const id = await store.insertStaffAccount(tx, {
          username: a.username, name: a.name.trim(), roles: a.roles, scopeOrgUnitId: unit.id, phone: a.phone ? pii.encrypt(a.phone) : null,
          passwordHash: hashes[i]!, createdBy: admin.id, idempotencyKey: null, oneTimePassword: null, now,
        });
        const wanted = a.postCodes.map((code) => postId.get(`${unit.town_id}:${code}`)!);
        try {
          if (wanted.length) await setPostPlaces(tx, postCommandOf(admin, now), id, wanted);
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          late.push({ row: a.row, column: columnLetter('posts'), field: 'posts', problem: err.code, message: err.message, messageZh: err.messageZh });
          continue;
        }
        await appendAudit(tx, {
          at: now, ...auditActor(admin), action: 'account.create', targetType: 'account', targetId: id, success: true,
          detail: { username: a.username, roles: a.roles, scopeOrgUnitId: unit.id, imported: { row: a.row } },
        });
        created.push({ row: a.row, id, username: a.username, name: a.name.trim(), oneTimePassword: passwords[i]! });
      }
      if (late.length) throw rejected(late);
      await appendAudit(tx, { at: now, ...auditActor(admin), action: 'account.import', success: true, detail: { created: created.length } });
      return created;
    });
  } catch (err) {
    if ((err as { code?: string }).code === '23505') {
      throw new AppError('USERNAME_TAKEN', 'A username of the file was taken while it was being imported; nothing was created. Try again.',
        '导入过程中文件里的某个用户名已被占用，未创建任何账号，请重试。');
    }
    throw err;
  }
}
