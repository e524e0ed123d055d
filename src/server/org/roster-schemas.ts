import { Type } from '@sinclair/typebox';
import { lit } from '../platform/schema-helpers.ts';
import { DUTY_SHIFTS, MAX_PER_SHIFT } from '../../domain/org/duty-roster.ts';

const Shift = lit(DUTY_SHIFTS);
const Person = Type.Object({ id: Type.String(), name: Type.String() });
const Week = Type.String({ pattern: '^[0-9]{4}-W[0-9]{2}$', description: 'ISO week, e.g. 2026-W48' });
const Id = Type.String({ minLength: 1, maxLength: 64 });

export const RosterQuery = Type.Object({
  orgUnitId: Type.Optional(Type.String({ maxLength: 64, description: 'the town (default: the caller\'s)' })),
  week: Type.Optional(Week),
}, { additionalProperties: false });

export const RosterWriteQuery = Type.Object({ orgUnitId: Id, week: Week }, { additionalProperties: false });

const Slot = Type.Object({ date: Type.String({ description: 'YYYY-MM-DD' }), shift: Shift, people: Type.Array(Person) });

export const Roster = Type.Object({
  town: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }),
  week: Type.String(), previousWeek: Type.String(), nextWeek: Type.String(),
  dates: Type.Array(Type.String(), { description: 'Monday to Sunday' }),
  shifts: Type.Array(Type.Object({ code: Shift, from: Type.String(), to: Type.String() })),
  slots: Type.Array(Slot),
  version: Type.Integer({ description: '0 before the week is first saved; send it back with PUT' }),
  updatedAt: Type.Union([Type.String(), Type.Null()]),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
  onDuty: Type.Object({ date: Type.String(), slots: Type.Array(Slot) }, { description: 'who keeps the watch now, whatever week was asked for' }),
  candidates: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), shifts: Type.Array(Shift) }), { description: 'for editors: the town\'s staff and the shifts each may take' }),
  policies: Type.Array(lit(['edit'] as const)),
});

export const RosterBody = Type.Object({
  version: Type.Optional(Type.Integer({ minimum: 0, maximum: 2_147_483_647, description: 'the version the edit started from; a week saved since is refused (409)' })),
  slots: Type.Array(Type.Object({
    date: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }),
    shift: Shift,
    accountIds: Type.Array(Id, { maxItems: MAX_PER_SHIFT * 2 }),
  }, { additionalProperties: false }), { maxItems: 7 * DUTY_SHIFTS.length * 2 }),
}, { additionalProperties: false });
