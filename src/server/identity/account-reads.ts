// Reads of account administration, presented: the accounts of the administrator's scope, one account, and the
// choices of the create and edit forms.
import type { Tx } from '../platform/db/db.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import { DEFAULT_THROTTLE } from '../../domain/identity/login-throttle.ts';
import { ROLES } from '../../shared/roles.ts';
import type { AccountAdmin } from './account-admin.ts';
import { accountNotFound } from './account-refusals.ts';
import { presentAccount, type PresentedAccount } from './account-presenter.ts';
import * as store from './accounts-store.ts';

const failuresSince = (now: Date) => new Date(now.getTime() - DEFAULT_THROTTLE.windowMs);

export async function listAdministeredAccounts(db: Tx, pii: PiiCipher, admin: AccountAdmin, q: string | null, now: Date): Promise<PresentedAccount[]> {
  const rows = await store.listAccounts(db, admin.scopePath, q, failuresSince(now));
  return rows.map((a) => presentAccount(a, admin.id, pii));
}

export async function administeredAccount(db: Tx, pii: PiiCipher, admin: AccountAdmin, id: string, now: Date): Promise<PresentedAccount> {
  const row = await store.findAccount(db, id, admin.scopePath, failuresSince(now));
  if (!row) throw accountNotFound();
  return presentAccount(row, admin.id, pii);
}

export async function accountChoices(db: Tx, admin: AccountAdmin) {
  const [units, posts] = await Promise.all([store.listScopeUnits(db, admin.scopePath), store.listAssignablePosts(db, admin.scopePath)]);
  return {
    roles: ROLES.filter((r) => r !== 'resident'),
    units: units.map((u) => ({ id: u.id, parentId: u.parent_id, name: u.name, level: u.level })),
    posts: posts.map((p) => ({ id: p.id, code: p.code, name: p.name, townName: p.town_name, boardName: p.board_name, aHolder: p.a_name, bHolder: p.b_name })),
  };
}
