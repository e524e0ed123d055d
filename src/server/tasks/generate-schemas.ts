import { Type, type Static } from '@sinclair/typebox';

/* POST /api/tasks/generate: the daily task generation of a town, run now. */

const LocalDate = (description: string) =>
  Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', description });

export const GenerateBody = Type.Object({
  orgUnitId: Type.String({ minLength: 1, maxLength: 64, description: 'the town, or a unit in it: the whole town is generated' }),
  day: Type.Optional(LocalDate('the day generated (YYYY-MM-DD, Asia/Shanghai), at most 7 days from today; today when absent')),
}, { additionalProperties: false });

export const GenerateResult = Type.Object({
  townId: Type.String(),
  townName: Type.String(),
  day: Type.String({ description: 'the day generated' }),
  grids: Type.Integer({ description: 'grids walked' }),
  created: Type.Integer({ description: 'tasks new this run; a task made before (the same subject and period) is never made again' }),
  unassigned: Type.Integer({ description: 'of those, tasks nobody present could take (no grid worker and no grid leader): they wait unassigned' }),
  runs: Type.Integer({ description: 'how many times the day has been generated for the town, this run included' }),
  createdThatDay: Type.Integer({ description: 'every task the day\'s runs made for the town' }),
});

export type GenerateBodyT = Static<typeof GenerateBody>;
export type GenerateResultT = Static<typeof GenerateResult>;
