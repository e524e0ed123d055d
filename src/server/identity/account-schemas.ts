// Request and response schemas of account administration: validation, types and the OpenAPI document from one source.
import { Type, type Static } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import { ROLES } from '../../shared/roles.ts';
import { ORG_LEVELS } from '../../shared/org-levels.ts';
import { ACCOUNT_LIST_ACTIONS } from '../../domain/identity/account-policies.ts';

const AccountPolicies = Type.Object({
  edit: Type.Boolean(), disable: Type.Boolean(), enable: Type.Boolean(), unlock: Type.Boolean(), resetPassword: Type.Boolean(),
}, { description: 'what the calling administrator may do to this account now' });

export const Account = Type.Object({
  id: Type.String(),
  username: Type.String(),
  name: Type.String(),
  kind: lit(['staff', 'resident'] as const),
  roles: Type.Array(lit(ROLES)),
  scopeOrgUnitId: Nullable(Type.String()),
  scopeName: Nullable(Type.String()),
  phone: Nullable(Type.String({ description: 'masked (138****1234); set, never read back' })),
  posts: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), holder: lit(['A', 'B'] as const) })),
  disabled: Type.Boolean(),
  locked: Type.Boolean({ description: 'sign-in throttled after failures' }),
  mustChangePassword: Type.Boolean({ description: 'holds a one-time password not yet changed' }),
  policies: AccountPolicies,
});

export const AccountList = Type.Object({
  items: Type.Array(Account), nextCursor: Type.Null(),
  policies: Type.Array(lit(ACCOUNT_LIST_ACTIONS), { description: 'what the caller may do to the list: create an account, import a workbook' }),
});
export const AccountCreated = Type.Object({
  account: Account,
  oneTimePassword: Type.String({ description: 'shown once: the holder must change it at the first sign-in' }),
});
export const OneTimePassword = Type.Object({ oneTimePassword: Type.String() });

const Name = Type.String({ minLength: 1, maxLength: 80 });
// null first: the validator coerces types, and would turn null into "" for a string tried first
const Phone = Type.Union([Type.Null(), Type.String({ maxLength: 20 })], { description: '11-digit mobile number; null clears it' });
const Roles = Type.Array(Type.String({ maxLength: 32 }), { maxItems: 12, description: `one or more of ${ROLES.filter((r) => r !== 'resident').join(', ')}; at most one of admin, securityAdmin, auditor (三员分立)` });
const UnitId = Type.String({ minLength: 1, maxLength: 64 });
const PostIds = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 20, description: 'the posts held: a free A place, else a free B place' });

export const CreateAccountBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  name: Name,
  phone: Type.Optional(Phone),
  roles: Roles,
  scopeOrgUnitId: UnitId,
  postIds: Type.Optional(PostIds),
}, { additionalProperties: false });
export type CreateAccountBody = Static<typeof CreateAccountBody>;

export const UpdateAccountBody = Type.Object({
  name: Type.Optional(Name),
  phone: Type.Optional(Phone),
  roles: Type.Optional(Roles),
  scopeOrgUnitId: Type.Optional(UnitId),
  postIds: Type.Optional(PostIds),
}, { additionalProperties: false });
export type UpdateAccountBody = Static<typeof UpdateAccountBody>;

export const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
export const ListQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 40 })) }, { additionalProperties: false });

export const AccountChoices = Type.Object({
  roles: Type.Array(lit(ROLES), { description: 'the roles a staff account may be given' }),
  units: Type.Array(Type.Object({ id: Type.String(), parentId: Nullable(Type.String()), name: Type.String(), level: lit(ORG_LEVELS) }),
    { description: 'the scope units the administrator may give (its subtree, micro-grids left out)' }),
  posts: Type.Array(Type.Object({
    id: Type.String(), code: Type.String(), name: Type.String(), townName: Type.String(), boardName: Type.String(),
    aHolder: Nullable(Type.String()), bHolder: Nullable(Type.String()),
  })),
});
