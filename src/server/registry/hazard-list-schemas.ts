import { Type, type Static } from '@sinclair/typebox';
import { REGISTRY_LIMITS as L } from '../../shared/registry.ts';
import { HAZARD_STATUSES, HazardView } from './schemas.ts';

/* The hazard ledger of the grids (隐患台账): GET /api/registry/hazards. */

export const HazardListQuery = Type.Object({
  status: Type.Optional(Type.Union(HAZARD_STATUSES.map((v) => Type.Literal(v)), { description: 'open or resolved; both when absent' })),
  gridId: Type.Optional(Type.String({ maxLength: 64, description: 'entries in this org unit (a grid, or a community: its grids) and below, inside the caller\'s scope' })),
  overdue: Type.Optional(Type.Boolean({ description: 'true: only open entries whose next check is before today (Asia/Shanghai)' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: L.maxPageSize, default: L.pageSize })),
}, { additionalProperties: false });

export const HazardList = Type.Object({
  items: Type.Array(HazardView),
  total: Type.Integer({ description: 'every entry the filters match' }),
  overdue: Type.Integer({ description: 'of those, how many are open with their next check before today' }),
  today: Type.String({ description: 'the day overdue is measured against (YYYY-MM-DD, Asia/Shanghai)' }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  policies: Type.Array(Type.Literal('create'), { description: 'create: the caller may enter hazards (on a building or thing page)' }),
});

export type HazardListQueryT = Static<typeof HazardListQuery>;
export type HazardListT = Static<typeof HazardList>;
