import { Type, type Static } from '@sinclair/typebox';
import { TASK_LIMITS } from '../../shared/tasks.ts';

/* Staff absences (leave, training, sick): GET/POST /api/absences, DELETE /api/absences/:id. */

const LocalDate = (description: string) =>
  Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', description });

export const AbsenceQuery = Type.Object({
  orgUnitId: Type.Optional(Type.String({ maxLength: 64, description: 'absences of the workers of the grids in this unit and below (inside the caller\'s scope; 404 outside); the caller\'s scope when absent' })),
  current: Type.Optional(Type.Boolean({ description: 'true: only absences that have not ended before today (Asia/Shanghai)' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: TASK_LIMITS.maxPageSize, default: TASK_LIMITS.pageSize })),
}, { additionalProperties: false });

export const AbsenceBody = Type.Object({
  accountId: Type.String({ minLength: 1, maxLength: 64, description: 'a worker (grid leader, full-time or part-time member) of a grid in the caller\'s scope' }),
  from: LocalDate('first day away'),
  to: LocalDate('last day away (inclusive; at most 366 days after from)'),
  reason: Type.Optional(Type.String({ maxLength: 200, description: 'leave, training, sick …' })),
}, { additionalProperties: false });

export const AbsenceParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

export const AbsenceView = Type.Object({
  id: Type.String(),
  accountId: Type.String(),
  accountName: Type.String(),
  grids: Type.Array(Type.Object({ id: Type.String(), name: Type.String() }), { description: 'the grids whose team the worker is on, inside the caller\'s scope' }),
  from: Type.String(),
  to: Type.String(),
  reason: Type.Union([Type.String(), Type.Null()]),
  handedOver: Type.Integer({ description: 'open tasks starting during the absence handed to colleagues when it was recorded' }),
  createdByName: Type.String(),
  createdAt: Type.String({ description: 'ISO 8601' }),
  policies: Type.Array(Type.Literal('delete'), { description: 'delete: the caller may take the absence back' }),
});

export const AbsenceList = Type.Object({
  items: Type.Array(AbsenceView),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  policies: Type.Array(Type.Literal('create'), { description: 'create: the caller may record absences' }),
});

export const AbsenceRemoved = Type.Object({ id: Type.String(), removed: Type.Literal(true) });

export type AbsenceQueryT = Static<typeof AbsenceQuery>;
export type AbsenceBodyT = Static<typeof AbsenceBody>;
export type AbsenceViewT = Static<typeof AbsenceView>;
