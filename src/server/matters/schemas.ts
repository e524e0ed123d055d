import { Type } from '@sinclair/typebox';
import { MATTER_LISTS, TIERS } from '../../shared/matters.ts';
import { lit } from '../platform/schema-helpers.ts';
import { CATALOG_ACTIONS, MATTER_ACTIONS } from '../../domain/matters/policies.ts';

const Tier = lit(TIERS);
const List = lit(MATTER_LISTS);

/** SLA limits per clock, in the catalog's notation: acceptMin, arriveMin, dispatchMin, handleH, handleWd, verifyH … */
export const Sla = Type.Record(
  Type.String({ pattern: '^(accept|dispatch|arrive|handle|verify)(Min|H|Wd)$' }),
  Type.Number({ exclusiveMinimum: 0, maximum: 100_000 }),
  { minProperties: 1, additionalProperties: false },
);

export const MatterInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 60 }),
  class: Type.String({ minLength: 1, maxLength: 40 }),
  list: List,
  tier: Tier,
  postCode: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])),
  departmentName: Type.Optional(Type.Union([Type.String({ maxLength: 60 }), Type.Null()])),
  sla: Sla,
  escalateAfterH: Type.Optional(Type.Union([Type.Number({ exclusiveMinimum: 0, maximum: 10_000 }), Type.Null()])),
  onSpot: Type.Optional(Type.Boolean()),
  urgent: Type.Optional(Type.Boolean()),
  duplicateRadiusM: Type.Optional(Type.Integer({ minimum: 0, maximum: 5000 })),
}, { additionalProperties: false });

export const NewMatter = Type.Object({
  code: Type.String({ pattern: '^[A-Z][0-9]{4}$', description: 'class letter + 4 digits, e.g. E0101' }),
  ...MatterInput.properties,
}, { additionalProperties: false });

export const Matter = Type.Object({
  id: Type.String(), townId: Type.String(), code: Type.String(), version: Type.Integer(), current: Type.Boolean(),
  name: Type.String(), class: Type.String(), list: List, tier: Tier,
  postCode: Type.Union([Type.String(), Type.Null()]),
  postName: Type.Union([Type.String(), Type.Null()], { description: 'the post\'s name (岗位名称), for display beside its code' }),
  departmentName: Type.Union([Type.String(), Type.Null()]),
  sla: Type.Record(Type.String(), Type.Number()), escalateAfterH: Type.Union([Type.Number(), Type.Null()]),
  onSpot: Type.Boolean(), urgent: Type.Boolean(), duplicateRadiusM: Type.Integer(),
  retired: Type.Boolean(), createdAt: Type.String(),
  policies: Type.Array(lit(MATTER_ACTIONS), { description: 'what the caller may do to this version now: edit (write the next version), retire' }),
});

export const MatterList = Type.Object({
  items: Type.Array(Matter), nextCursor: Type.Null(),
  policies: Type.Array(lit(CATALOG_ACTIONS), { description: 'create: the caller adds matters to this town\'s catalog' }),
});
export const TownQuery = Type.Object({
  townId: Type.Optional(Type.String({ maxLength: 64 })),
  includeRetired: Type.Optional(Type.Boolean()),
  list: Type.Optional(List),
}, { additionalProperties: false });
export const CodeParams = Type.Object({ code: Type.String({ pattern: '^[A-Z][0-9]{4}$' }) });
