import { Type } from '@sinclair/typebox';
import { ROLES } from '../../shared/roles.ts';
import { ORG_LEVELS } from '../../shared/org-levels.ts';

export const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 128 }),
}, { additionalProperties: false });

const Ref = Type.Object({ id: Type.String(), name: Type.String(), level: Type.Union(ORG_LEVELS.map((l) => Type.Literal(l))) });

export const Me = Type.Object({
  id: Type.String(),
  username: Type.String(),
  name: Type.String(),
  kind: Type.Union([Type.Literal('staff'), Type.Literal('resident')]),
  roles: Type.Array(Type.Union(ROLES.map((r) => Type.Literal(r)))),
  scopeOrgUnitId: Type.Union([Type.String(), Type.Null()]),
  scopeOrgUnit: Type.Union([Ref, Type.Null()]),
  homeOrgUnitId: Type.Union([Type.String(), Type.Null()]),
  homeOrgUnit: Type.Union([Ref, Type.Null()]),
  posts: Type.Array(Type.Object({
    id: Type.String(), code: Type.String(), name: Type.String(), townId: Type.String(), boardName: Type.String(),
    holder: Type.Union([Type.Literal('A'), Type.Literal('B'), Type.Literal('backup')]),
  })),
  grids: Type.Array(Type.Object({ gridId: Type.String(), teamRole: Type.String() })),
  departmentIds: Type.Array(Type.String()),
  mustChangePassword: Type.Boolean({ description: 'signed in with a one-time password: set your own before anything else' }),
});

export const LoginResult = Type.Object({ token: Type.String(), expiresAt: Type.String({ format: 'date-time' }), mustChangePassword: Type.Boolean(), user: Me });

export const DemoAccounts = Type.Object({
  password: Type.String(),
  accounts: Type.Array(Type.Object({
    username: Type.String(),
    name: Type.String({ description: 'the person\'s display name' }),
    roles: Type.Array(Type.Union(ROLES.map((r) => Type.Literal(r))), { description: 'role codes; the sign-in page shows their names' }),
  })),
});
