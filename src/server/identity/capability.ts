import type { Capability } from '../platform/capability.ts';
import { identityRoutes } from './routes.ts';
import { accountRoutes } from './account-routes.ts';
import { registrationRoutes } from './registration-routes.ts';
import { principalOfToken } from './principal.ts';

/** Accounts, sign-in and sessions, residents' self-registration. */
export const identity: Capability = {
  name: 'identity',
  principalOf: principalOfToken,
  routes: [identityRoutes, accountRoutes, registrationRoutes],
};
