import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { DEFAULT_THROTTLE, isAccountLocked } from '../../domain/identity/login-throttle.ts';
import { requirePrincipal } from '../platform/auth.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { likePrefix } from '../platform/db/sql.ts';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import { ROLES } from '../../shared/roles.ts';
import { appendAudit, actorOf } from '../audit/audit-log.ts';
import { changePassword } from './change-password.ts';
import * as store from './store.ts';

const Account = Type.Object({
  id: Type.String(), username: Type.String(), name: Type.String(), kind: Type.String(), roles: Type.Array(lit(ROLES)),
  scopeOrgUnitId: Nullable(Type.String()), disabled: Type.Boolean(), locked: Type.Boolean(),
});
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const ListQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 40 })) }, { additionalProperties: false });
const PasswordBody = Type.Object({
  currentPassword: Type.String({ minLength: 1, maxLength: 128 }),
  newPassword: Type.String({ minLength: 1, maxLength: 128 }),
}, { additionalProperties: false });

/** Account administration inside the admin's scope: disable (its tokens stop at once), enable, unlock after lockout. */
export async function accountRoutes(app: FastifyInstance): Promise<void> {
  const inScope = async (id: string, scopePath: string | null) => {
    const r = await app.db.query<{ id: string; username: string }>(
      `select a.id, a.username from accounts a left join org_units s on s.id = coalesce(a.scope_org_unit_id, a.home_org_unit_id)
        where a.id = $1 and s.path like $2`, [id, likePrefix(scopePath ?? '-')]);
    if (!r.rows[0]) throw notFound('account');
    return r.rows[0];
  };

  app.get('/api/accounts', {
    config: { access: ['admin'] },
    schema: { tags: ['identity'], description: 'Accounts within the admin\'s scope; `locked` = sign-in throttled after failures.', querystring: ListQuery,
      response: { 200: Type.Object({ items: Type.Array(Account), nextCursor: Type.Null() }) } },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = (req.query as Static<typeof ListQuery>).q;
    const r = await app.db.query<{ id: string; username: string; name: string; kind: string; roles: string[]; scope_org_unit_id: string | null; disabled_at: Date | null; failures: number }>(
      `select a.id, a.username, a.name, a.kind, a.roles, a.scope_org_unit_id, a.disabled_at,
              (select count(*)::int from login_failures f where f.username = a.username and f.at > $3) as failures
         from accounts a left join org_units s on s.id = coalesce(a.scope_org_unit_id, a.home_org_unit_id)
        where s.path like $1 and ($2::text is null or a.username like '%' || $2 || '%' or a.name like '%' || $2 || '%')
        order by a.username limit 500`,
      [likePrefix(p.scopePath ?? '-'), q ?? null, new Date(app.clock().getTime() - DEFAULT_THROTTLE.windowMs)]);
    return {
      items: r.rows.map((a) => ({
        id: a.id, username: a.username, name: a.name, kind: a.kind, roles: a.roles as never, scopeOrgUnitId: a.scope_org_unit_id,
        disabled: a.disabled_at !== null, locked: isAccountLocked(a.failures, DEFAULT_THROTTLE),
      })),
      nextCursor: null,
    };
  });

  for (const action of ['disable', 'enable', 'unlock'] as const) {
    app.post(`/api/accounts/:id/${action}`, {
      config: { access: ['admin'] },
      schema: { tags: ['identity'], params: IdParams, response: { 204: Type.Null() },
        description: { disable: 'Disables the account; its tokens stop working at once.', enable: 'Enables a disabled account.', unlock: 'Clears the sign-in failures that locked the account.' }[action] },
    }, async (req, reply) => {
      const p = requirePrincipal(req);
      const target = await inScope((req.params as Static<typeof IdParams>).id, p.scopePath);
      if (action === 'disable' && target.id === p.accountId) {
        throw new AppError('CONFLICT', 'You cannot disable your own account.', '不能停用自己的账号。');
      }
      const now = app.clock();
      await app.db.transaction(async (tx) => {
        if (action === 'disable') {
          await tx.query('update accounts set disabled_at = $2, updated_at = $2 where id = $1', [target.id, now]);
          await tx.query('update sessions set revoked_at = $2 where account_id = $1 and revoked_at is null', [target.id, now]);
        } else if (action === 'enable') {
          await tx.query('update accounts set disabled_at = null, updated_at = $2 where id = $1', [target.id, now]);
        } else {
          await store.clearLoginFailures(tx, target.username);
        }
        await appendAudit(tx, { at: now, ...actorOf(req), action: `account.${action}`, targetType: 'account', targetId: target.id, success: true });
      });
      return reply.status(204).send();
    });
  }

  app.post('/api/auth/password', {
    config: { access: 'authenticated' },
    schema: { tags: ['identity'], body: PasswordBody, response: { 204: Type.Null() },
      description: 'Changes one\'s own password (policy: 8+ characters, two kinds); other sessions are signed out. '
        + 'Wrong current passwords count as failed sign-ins of the account (429 when throttled) and are audited.' },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const body = req.body as Static<typeof PasswordBody>;
    await changePassword(app.db, { accountId: p.accountId, username: p.username, tokenHash: p.tokenHash, ip: req.ip, now: app.clock(), ...body });
    return reply.status(204).send();
  });
}
