import type { FastifyInstance, FastifyRequest } from 'fastify';
import { idempotencyKeyOf } from '../platform/idempotency-key.ts';
import { Type, type Static } from '@sinclair/typebox';
import { requirePrincipal } from '../platform/auth.ts';
import { ACCOUNT_ADMINS } from '../../shared/roles.ts';
import { accountListPolicies } from '../../domain/identity/account-policies.ts';
import { changePassword } from './change-password.ts';
import { accountAdminOf } from './account-admin.ts';
import { accountChoices, administeredAccount, listAdministeredAccounts } from './account-reads.ts';
import { createAccount } from './create-account.ts';
import { updateAccount } from './update-account.ts';
import { resetPassword } from './reset-password.ts';
import { disableAccount } from './disable-account.ts';
import { enableAccount } from './enable-account.ts';
import { unlockAccount } from './unlock-account.ts';
import { accountImportRoutes } from './account-import-routes.ts';
import {
  Account, AccountChoices, AccountCreated, AccountList, CreateAccountBody, IdParams, ListQuery, OneTimePassword, UpdateAccountBody,
} from './account-schemas.ts';

const PasswordBody = Type.Object({
  currentPassword: Type.String({ minLength: 1, maxLength: 128 }),
  newPassword: Type.String({ minLength: 1, maxLength: 128 }),
}, { additionalProperties: false });

/**
 * Account administration by the security administrator (安全管理员, 三员分立), inside its scope: list, create with a
 * one-time password, edit, reset the password, disable (its tokens stop at once), enable, unlock after lockout.
 */
export async function accountRoutes(app: FastifyInstance): Promise<void> {
  const access = { access: ACCOUNT_ADMINS };
  const tags = ['identity'];
  const id = (req: FastifyRequest) => (req.params as Static<typeof IdParams>).id;

  app.get('/api/accounts', {
    config: access,
    schema: { summary: 'List accounts', tags, description: 'Accounts whose scope (a resident: home) lies in the administrator\'s, with what the caller may do to each (`policies`).',
      querystring: ListQuery, response: { 200: AccountList } },
  }, async (req) => {
    const items = await listAdministeredAccounts(app.db, app.pii, await accountAdminOf(app.db, req), (req.query as Static<typeof ListQuery>).q ?? null, app.clock());
    return { items, nextCursor: null, policies: accountListPolicies(requirePrincipal(req).roles) };
  });

  app.get('/api/accounts/choices', {
    config: access,
    schema: { summary: 'Choices for the account forms', tags, description: 'What the create and edit forms offer: the roles, the scope units of the administrator\'s subtree, its towns\' posts.',
      response: { 200: AccountChoices } },
  }, async (req) => accountChoices(app.db, await accountAdminOf(app.db, req)));

  app.post('/api/accounts', {
    config: access,
    schema: { summary: 'Create a staff account', tags, body: CreateAccountBody, response: { 200: AccountCreated, 201: AccountCreated },
      description: 'Creates a staff account in the administrator\'s scope; answers 201 with a one-time password, shown once, that the holder must change at the first sign-in. '
        + 'Duplicate username 409, a scope or post outside the administrator\'s 404, bad roles or two of admin/securityAdmin/auditor (三员分立) 422. '
        + '`Idempotency-Key`: the same key answers the first result (200).' },
  }, async (req, reply) => {
    const admin = await accountAdminOf(app.db, req);
    const created = await createAccount(app.db, app.pii, admin, req.body as CreateAccountBody, idempotencyKeyOf(req), app.clock());
    const account = await administeredAccount(app.db, app.pii, admin, created.accountId, app.clock());
    return reply.status(created.replayed ? 200 : 201).send({ account, oneTimePassword: created.oneTimePassword });
  });

  app.patch('/api/accounts/:id', {
    config: access,
    schema: { summary: 'Edit a staff account', tags, params: IdParams, body: UpdateAccountBody, response: { 200: Account },
      description: 'Changes a staff account\'s name, phone, roles, scope or posts (the posts listed, exactly). Not one\'s own account, nor a resident\'s (409).' },
  }, async (req) => {
    const admin = await accountAdminOf(app.db, req);
    await updateAccount(app.db, app.pii, admin, id(req), req.body as UpdateAccountBody, app.clock());
    return administeredAccount(app.db, app.pii, admin, id(req), app.clock());
  });

  app.post('/api/accounts/:id/reset-password', {
    config: access,
    schema: { summary: 'Reset an account\'s password', tags, params: IdParams, response: { 200: OneTimePassword },
      description: 'Gives the account a new one-time password, shown once; its sessions end and it must set its own password at the next sign-in.' },
  }, async (req) => resetPassword(app.db, await accountAdminOf(app.db, req), id(req), app.clock()));

  const commands = { disable: disableAccount, enable: enableAccount, unlock: unlockAccount } as const;
  const summaries = { disable: 'Disable an account', enable: 'Enable an account', unlock: 'Unlock an account' } as const;
  const descriptions = {
    disable: 'Disables the account; its tokens stop working at once. Not one\'s own (409).',
    enable: 'Enables a disabled account.',
    unlock: 'Clears the sign-in failures that locked the account.',
  } as const;
  for (const action of ['disable', 'enable', 'unlock'] as const) {
    app.post(`/api/accounts/:id/${action}`, {
      config: access,
      schema: { tags, params: IdParams, response: { 204: Type.Null() }, summary: summaries[action], description: descriptions[action] },
    }, async (req, reply) => {
      await commands[action](app.db, await accountAdminOf(app.db, req), id(req), app.clock());
      return reply.status(204).send();
    });
  }

  await app.register(accountImportRoutes);

  app.post('/api/auth/password', {
    config: { access: 'authenticated', beforePasswordChange: true },
    schema: { summary: 'Change one\'s own password', tags, body: PasswordBody, response: { 204: Type.Null() },
      description: 'Changes one\'s own password (policy: 8+ characters, two kinds); other sessions are signed out. '
        + 'Wrong current passwords count as failed sign-ins of the account (429 when throttled) and are audited. '
        + 'An account signed in with a one-time password must do this first, and may not keep the one-time password.' },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const body = req.body as Static<typeof PasswordBody>;
    await changePassword(app.db, { accountId: p.accountId, username: p.username, tokenHash: p.tokenHash, ip: req.ip, now: app.clock(), ...body });
    return reply.status(204).send();
  });
}
