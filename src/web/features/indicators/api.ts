// The indicators calls of the 体征指标 pages: the catalog (with the measures a town builds its own from), a unit's values,
// its children's values, a trend, a town's own indicators and targets. Types are the server's schemas (type-only).
import type { Static } from '@sinclair/typebox';
import { api } from '../../lib/api.ts';
import type * as s from '../../../server/indicators/schemas.ts';

export type Indicator = s.IndicatorViewT;
export type IndicatorList = Static<typeof s.IndicatorList>;
export type Measure = Static<typeof s.MeasureView>;
export type IndicatorValue = s.IndicatorValueViewT;
export type ValueList = Static<typeof s.ValueList>;
export type ChildValueList = Static<typeof s.ChildValueList>;
export type Series = Static<typeof s.Series>;
export type NewIndicator = s.NewIndicatorBodyT;
export type IndicatorUpdate = s.UpdateIndicatorBodyT;
export type TargetInput = s.TargetBodyT;

const enc = encodeURIComponent;

export const fetchCatalog = (signal?: AbortSignal) => api<IndicatorList>('/api/indicators', { signal });
export const fetchValues = (period: string, orgUnitId: string | null, signal?: AbortSignal) =>
  api<ValueList>('/api/indicators/values', { query: { period, orgUnitId }, signal });
export const fetchChildren = (code: string, period: string, orgUnitId: string, signal?: AbortSignal) =>
  api<ChildValueList>('/api/indicators/values/children', { query: { code, period, orgUnitId }, signal });
export const fetchSeries = (code: string, orgUnitId: string, from: string, to: string, signal?: AbortSignal) =>
  api<Series>('/api/indicators/series', { query: { code, orgUnitId, from, to, kind: 'month' }, signal });
export const createIndicator = (body: NewIndicator, key: string) =>
  api<Indicator>('/api/indicators', { method: 'POST', body, headers: { 'idempotency-key': key } });
export const updateIndicator = (code: string, body: IndicatorUpdate) => api<Indicator>(`/api/indicators/${enc(code)}`, { method: 'PUT', body });
export const setTarget = (code: string, body: TargetInput) => api<Indicator>(`/api/indicators/${enc(code)}/target`, { method: 'PUT', body });
