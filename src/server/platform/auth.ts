import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '../../shared/roles.ts';
import { AppError, forbidden } from './errors.ts';
import type { Tx } from './db/db.ts';

/** Who may call a route: anyone, any signed-in account, or the listed roles. */
export type Access = 'public' | 'authenticated' | readonly Role[];

/** A post the account holds, as A or B holder or as the back-up who stands in when both are away. */
export interface HeldPost {
  id: string;
  code: string;
  name: string;
  town_id: string;
  board_name: string;
  holder: 'A' | 'B' | 'backup';
}

export interface Principal {
  accountId: string;
  username: string;
  name: string;
  kind: 'staff' | 'resident';
  roles: Role[];
  scopeOrgUnitId: string | null;
  /** materialised path of the territory the account sees; null for none (departments, auditors, residents) */
  scopePath: string | null;
  homeOrgUnitId: string | null;
  posts: HeldPost[];
  grids: { grid_id: string; team_role: string }[];
  departmentIds: string[];
  /** signed in with a one-time password: until it changes its password, only routes marked `beforePasswordChange` answer */
  mustChangePassword: boolean;
  tokenHash: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    access?: Access;
    /** answers a session that must change its one-time password first (its own account, the password change, sign-out) */
    beforePasswordChange?: true;
  }
}

export const unauthenticated = () =>
  new AppError('UNAUTHENTICATED', 'Sign in first: the token is missing, expired or revoked.', '请先登录：令牌缺失、已过期或已失效。');

function bearer(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (!h || !h.startsWith('Bearer ')) return null;
  const t = h.slice(7).trim();
  return t.length > 0 && t.length < 200 ? t : null;
}

/**
 * The caller behind a bearer token, null when the session is dead: identity answers it (its capability's `principalOf`),
 * the platform asks it on every request to a route that is not public.
 */
export type PrincipalSource = (db: Tx, token: string, now: Date) => Promise<Principal | null>;

const passwordChangeRequired = () =>
  new AppError('PASSWORD_CHANGE_REQUIRED', 'Set your own password first: this account signed in with a one-time password.',
    '请先设置您自己的密码：此账号使用的是一次性密码。');

export function requirePrincipal(req: FastifyRequest): Principal {
  if (!req.principal) throw unauthenticated();
  return req.principal;
}

export const authPlugin = fp(async (app: FastifyInstance, o: { principalOf: PrincipalSource }) => {
  app.decorateRequest('principal', null);

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && route.config?.access === undefined) {
      throw new Error(`route ${route.method} ${route.url} declares no access rule`);
    }
  });

  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config?.access;
    if (access === undefined || access === 'public') return;
    const token = bearer(req);
    if (!token) throw unauthenticated();
    const principal = await o.principalOf(app.db, token, app.clock());
    if (!principal) throw unauthenticated();
    req.principal = principal;
    if (principal.mustChangePassword && !req.routeOptions.config?.beforePasswordChange) throw passwordChangeRequired();
    if (access !== 'authenticated' && !principal.roles.some((r) => access.includes(r))) throw forbidden();
  });
});
