import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import { IMPORT_MODES, IMPORT_STATUSES, REGISTRY_KINDS } from '../../shared/registry.ts';
import { BuildingListQuery, HouseholdListQuery, PlaceListQuery, ResidentListQuery, ThingListQuery } from './schemas.ts';

/* Request and response schemas of the registry's templates, imports and exports (issue 11). */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const xlsxBody = (description: string) => ({ description, content: { [XLSX_TYPE]: { schema: Type.String({ format: 'binary' }) } } });

export const KindParams = Type.Object({ kind: lit(REGISTRY_KINDS) });
export const ImportIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const ImportQuery = Type.Object({
  kind: lit(REGISTRY_KINDS),
  mode: Type.Optional(lit(IMPORT_MODES)),
  fileName: Type.Optional(Type.String({ maxLength: 200, description: 'the file\'s name as the user picked it (shown in the list and the history)' })),
}, { additionalProperties: false });

export const ImportStarted = Type.Object({
  id: Type.String(),
  status: lit(IMPORT_STATUSES),
});

export const IMPORT_POLICIES = ['downloadReport'] as const;

export const Rejection = Type.Object({
  row: Type.Integer({ description: 'the row number as the spreadsheet shows it (the header is row 1)' }),
  column: Nullable(Type.String({ description: 'the Chinese header of the column at fault' })),
  code: Type.String(),
  message: Type.String(),
  messageZh: Type.String(),
});

const ImportFields = {
  id: Type.String(),
  kind: lit(REGISTRY_KINDS),
  mode: lit(IMPORT_MODES),
  format: lit(['xlsx', 'csv'] as const),
  status: lit(IMPORT_STATUSES),
  fileName: Nullable(Type.String()),
  total: Nullable(Type.Integer({ description: 'data rows in the file; known once the file has been read through' })),
  processed: Type.Integer({ description: 'rows checked so far' }),
  accepted: Type.Integer({ description: 'rows written' }),
  rejectedCount: Type.Integer({ description: 'rows refused' }),
  failure: Nullable(Type.Object({ code: Type.String(), message: Type.String(), messageZh: Type.String() }, { description: 'why the import stopped (status failed)' })),
  createdByName: Nullable(Type.String()),
  createdAt: Type.String(),
  startedAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
  policies: Type.Array(lit(IMPORT_POLICIES), { description: 'downloadReport: the rejected rows can be downloaded with their reasons' }),
};

export const ImportSummary = Type.Object(ImportFields);
export const ImportView = Type.Object({
  ...ImportFields,
  rejected: Type.Array(Rejection, { description: 'the first 200 problems, by row' }),
  policies: ImportFields.policies,
});
export const ImportList = Type.Object({ items: Type.Array(ImportSummary) });

const PAGING = ['page', 'pageSize', 'cursor'];
const filtersOf = (q: { properties: Record<string, TSchema> }) => Object.fromEntries(Object.entries(q.properties).filter(([k]) => !PAGING.includes(k)));

/** The filters of every list (GET /api/registry/<kind>); each export checks those given against its own list. */
export const ExportQuery = Type.Object({
  ...filtersOf(ResidentListQuery), ...filtersOf(HouseholdListQuery), ...filtersOf(BuildingListQuery),
  ...filtersOf(PlaceListQuery), ...filtersOf(ThingListQuery),
  kind: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10, description: 'places: place kinds; things: thing kinds' })),
}, { additionalProperties: false });

export type ImportViewT = Static<typeof ImportView>;
export type ImportSummaryT = Static<typeof ImportSummary>;
export type ImportListT = Static<typeof ImportList>;
export type ImportStartedT = Static<typeof ImportStarted>;
