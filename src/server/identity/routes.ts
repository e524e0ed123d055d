import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { login } from './login.ts';
import { revokeSession } from './store.ts';
import { presentMe } from './presenters.ts';
import { DemoAccounts, LoginBody, LoginResult, Me } from './schemas.ts';
import { notFound } from '../platform/errors.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../platform/seed/seed-demo.ts';
import { requirePrincipal, type Principal } from '../platform/auth.ts';
import { loadPrincipal } from './principal.ts';
import { findUnitRef } from '../org/store.ts';
import { tokenHash } from './tokens.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { signInName } from './sign-in-name.ts';

export async function identityRoutes(app: FastifyInstance): Promise<void> {
  const me = async (p: Principal) => presentMe(p,
    p.scopeOrgUnitId ? await findUnitRef(app.db, p.scopeOrgUnitId) : null,
    p.homeOrgUnitId ? await findUnitRef(app.db, p.homeOrgUnitId) : null);

  app.post('/api/auth/login', {
    config: { access: 'public' },
    schema: { summary: 'Sign in', tags: ['identity'], security: [], body: LoginBody, response: { 200: LoginResult },
      description: 'Opens a session; `username` may be the mobile number a resident registered with. `mustChangePassword: true` when the account signed in with a one-time password an administrator gave: '
        + 'until it sets its own (POST /api/auth/password), the session may only read /api/me and sign out; other routes answer 403 PASSWORD_CHANGE_REQUIRED.' },
  }, async (req) => {
    const { username: given, password } = req.body as { username: string; password: string };
    const now = app.clock();
    const username = await signInName(app.db, app.pii, given);
    const session = await login(app.db, {
      username, password, ip: req.ip, userAgent: req.headers['user-agent'] ?? null, now, ttlSeconds: app.config.tokenTtlSeconds,
    });
    const principal = (await loadPrincipal(app.db, tokenHash(session.token), now))!;
    return { token: session.token, expiresAt: session.expiresAt.toISOString(), mustChangePassword: principal.mustChangePassword, user: await me(principal) };
  });

  app.get('/api/auth/demo-accounts', {
    config: { access: 'public' },
    schema: {
      summary: 'The demo accounts',
      tags: ['identity'], security: [],
      description: 'The demo accounts (username, display name, roles) and their password, for the sign-in page of a demo server. 404 in production, which never has them.',
      response: { 200: DemoAccounts },
    },
  }, async () => {
    if (app.config.production) throw notFound('demo accounts');
    return { password: DEMO_PASSWORD, accounts: DEMO_ACCOUNTS.map((a) => ({ username: a.username, name: a.name, roles: a.roles })) };
  });

  app.post('/api/auth/logout', {
    config: { access: 'authenticated', beforePasswordChange: true },
    schema: { summary: 'Sign out', description: 'Ends the caller\'s session: its token stops working at once and its live streams close. Audited.', tags: ['identity'], response: { 204: Type.Null() } },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    await app.db.transaction(async (tx) => {
      await revokeSession(tx, p.tokenHash, app.clock());
      await appendAudit(tx, { at: app.clock(), actorId: p.accountId, actorName: p.username, ip: req.ip, action: 'logout', success: true });
    });
    return reply.status(204).send();
  });

  app.get('/api/me', {
    config: { access: 'authenticated', beforePasswordChange: true },
    schema: { summary: 'The signed-in account', description: 'The caller\'s account: name, roles, scope unit, posts, and whether it must set its own password first.', tags: ['identity'], response: { 200: Me } },
  }, async (req) => me(requirePrincipal(req)));
}
