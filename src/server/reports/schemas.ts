import { Type, type Static } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import { INDICATOR_UNITS } from '../../shared/indicators.ts';
import { REPORT_FORMATS, REPORT_LIMITS, REPORT_PERIOD_KINDS, REPORT_ROW_KINDS } from '../../shared/reports.ts';

/** 一表通: the request and response shapes of the report forms, their preview, fills and kept files. */

const Id = Type.String({ minLength: 1, maxLength: 64 });
export const IdParams = Type.Object({ id: Id });

/** A column of a form: an indicator of the catalog, or a measure counted as it is (`measure:disputesOpened`). */
export const FormColumn = Type.Object({
  indicatorCode: Type.String({ minLength: 1, maxLength: 60, description: 'an indicator code of the form\'s catalog, or `measure:<code>` for a measure as a count' }),
  label: Type.Optional(Nullable(Type.String({ maxLength: REPORT_LIMITS.label, description: 'the heading; the indicator\'s name when empty' }))),
}, { additionalProperties: false });

const FormFields = {
  name: Type.String({ minLength: 1, maxLength: REPORT_LIMITS.name }),
  description: Type.Optional(Type.String({ maxLength: REPORT_LIMITS.description })),
  rowKind: lit(REPORT_ROW_KINDS),
  periodKind: lit(REPORT_PERIOD_KINDS),
  columns: Type.Array(FormColumn, { minItems: 1, maxItems: REPORT_LIMITS.columns }),
};

export const NewFormBody = Type.Object({
  ...FormFields,
  orgUnitId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'the town the form belongs to (default: the town of the caller\'s scope); an administrator above the towns without it makes a standard form' })),
}, { additionalProperties: false });
export type NewFormBody = Static<typeof NewFormBody>;

export const FormChangeBody = Type.Object({ ...FormFields, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export type FormChangeBody = Static<typeof FormChangeBody>;

export const FORM_POLICIES = ['edit', 'archive', 'fill'] as const;
export const FormView = Type.Object({
  id: Type.String(),
  code: Nullable(Type.String()),
  standard: Type.Boolean(),
  orgUnitId: Nullable(Type.String()),
  orgUnitName: Nullable(Type.String()),
  name: Type.String(),
  description: Type.String(),
  rowKind: lit(REPORT_ROW_KINDS),
  periodKind: lit(REPORT_PERIOD_KINDS),
  columns: Type.Array(Type.Object({
    indicatorCode: Type.String(), label: Nullable(Type.String()),
    name: Type.String({ description: 'the heading shown: the label, else the indicator\'s (or measure\'s) Chinese name' }),
    nameEn: Type.String(),
  })),
  version: Type.Integer(),
  archived: Type.Boolean(),
  updatedAt: Type.String(),
  policies: Type.Array(lit(FORM_POLICIES)),
});
export type FormView = Static<typeof FormView>;

export const ColumnChoice = Type.Object({
  code: Type.String({ description: 'what a column names: an indicator code, or measure:<code>' }),
  kind: lit(['indicator', 'measure'] as const),
  nameZh: Type.String(),
  nameEn: Type.String(),
  unit: lit(INDICATOR_UNITS),
  standard: Type.Boolean(),
});

export const FormListQuery = Type.Object({
  archived: Type.Optional(Type.Boolean({ description: 'archived forms too (default false)' })),
}, { additionalProperties: false });

export const FormList = Type.Object({
  items: Type.Array(FormView),
  choices: Type.Array(ColumnChoice, { description: 'what the caller may put in a column: their town\'s catalog and the measures' }),
  policies: Type.Array(lit(['create'] as const)),
});

export const TableQuery = Type.Object({
  orgUnitId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'the unit reported on (default: the caller\'s scope), inside the caller\'s scope' })),
  period: Type.String({ minLength: 4, maxLength: 10, description: 'a month 2026-11, a quarter 2026Q4 or a year 2026, of the form\'s period kind' }),
}, { additionalProperties: false });
export type TableQuery = Static<typeof TableQuery>;

export const FillQuery = Type.Object({
  ...TableQuery.properties,
  format: lit(REPORT_FORMATS),
}, { additionalProperties: false });
export type FillQuery = Static<typeof FillQuery>;

const Cells = Type.Array(Nullable(Type.Number()));
export const ReportTableView = Type.Object({
  formId: Type.String(),
  formName: Type.String(),
  formVersion: Type.Integer(),
  unit: Type.Object({ id: Type.String(), name: Type.String(), level: Type.String() }),
  period: Type.String(),
  periodLabel: Type.String({ description: '2026年11月' }),
  title: Type.String({ description: 'the file\'s title: unit, period and form (春晖社区2026年11月网格化服务管理月报)' }),
  rowKind: lit(REPORT_ROW_KINDS),
  columns: Type.Array(Type.Object({ code: Type.String(), label: Type.String(), unit: lit(INDICATOR_UNITS) })),
  rows: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), cells: Cells })),
  total: Type.Object({ label: Type.String(), cells: Cells }),
  generatedAt: Type.String(),
});
export type ReportTableView = Static<typeof ReportTableView>;

export const FillListQuery = Type.Object({
  formId: Type.Optional(Id),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
}, { additionalProperties: false });

export const FillView = Type.Object({
  id: Type.String(),
  formId: Type.String(),
  formName: Type.String(),
  formVersion: Type.Integer(),
  orgUnitId: Type.String(),
  orgUnitName: Type.String(),
  period: Type.String(),
  periodLabel: Type.String(),
  format: lit(REPORT_FORMATS),
  byName: Type.String(),
  at: Type.String(),
  policies: Type.Array(lit(['download'] as const)),
});
export type FillView = Static<typeof FillView>;
export const FillList = Type.Object({ items: Type.Array(FillView) });

export const PDF_TYPE = 'application/pdf';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const fileResponse = (what: string) => ({
  description: `${what} (Excel or PDF)`,
  content: {
    [XLSX_TYPE]: { schema: Type.String({ format: 'binary' }) },
    [PDF_TYPE]: { schema: Type.String({ format: 'binary' }) },
  },
});
