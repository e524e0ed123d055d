import { Type } from '@sinclair/typebox';
import { lit } from '../platform/schema-helpers.ts';
import { CALENDAR_ACTIONS } from '../../domain/calendar/policies.ts';

const Policies = Type.Array(lit(CALENDAR_ACTIONS), { description: 'edit: the caller enters the year\'s days' });

const LocalDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'a Shanghai local date, YYYY-MM-DD' });

export const YearParams = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) });

export const CalendarYearInput = Type.Object({
  source: Type.String({ minLength: 1, maxLength: 200, description: 'the notice the days come from, e.g. 国务院办公厅关于2027年部分节假日安排的通知' }),
  holidays: Type.Array(LocalDate, { maxItems: 80, description: 'days off: public holidays and the weekend days swapped into them' }),
  workdays: Type.Array(LocalDate, { maxItems: 20, description: 'Saturdays and Sundays that are working days (调休上班)' }),
}, { additionalProperties: false });

export const CalendarYear = Type.Object({
  year: Type.Integer(),
  source: Type.Union([Type.String(), Type.Null()]),
  holidays: Type.Array(Type.String()),
  workdays: Type.Array(Type.String()),
  updatedAt: Type.Union([Type.String(), Type.Null()]),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
  policies: Policies,
});

export const CalendarOverview = Type.Object({
  items: Type.Array(Type.Object({
    year: Type.Integer(), source: Type.String(), holidays: Type.Integer(), workdays: Type.Integer(),
    updatedAt: Type.String(), updatedBy: Type.Union([Type.String(), Type.Null()]),
  })),
  today: Type.String({ description: 'the Shanghai local date the server counts from' }),
  missing: Type.Array(Type.Integer(), { description: 'years the platform needs and has not got: this year, and from November the next' }),
  policies: Policies,
});
