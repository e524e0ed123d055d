import type { Principal } from '../platform/auth.ts';
import { holdsAnyRole } from '../../shared/roles.ts';
import { INDICATOR_EDITORS, MEASURES, type IndicatorValue, type MeasureCode } from '../../shared/indicators.ts';
import { formulaText } from '../../domain/indicators/formula.ts';
import { previousPeriod } from '../../domain/indicators/periods.ts';
import type { IndicatorDefinition } from './values.ts';
import { holds, type UnitRow } from './catalog-reach.ts';
import type { IndicatorPolicy, IndicatorValueViewT, IndicatorViewT } from './schemas.ts';

/*
 * How indicators and their values are shown. Policies say what the caller may do with each:
 *   - update, archive: an INDICATOR_EDITOR whose scope holds the town that defined it (never a standard one), while
 *     it is not archived;
 *   - setTarget: an INDICATOR_EDITOR whose scope holds the town the catalog is shown for.
 * No personal data: definitions, figures and unit names only.
 */

export const isEditor = (p: Principal): boolean => holdsAnyRole(p.roles, INDICATOR_EDITORS);

export function definitionPolicies(d: IndicatorDefinition, p: Principal, town: UnitRow | null): IndicatorPolicy[] {
  if (!isEditor(p)) return [];
  const out: IndicatorPolicy[] = [];
  if (!d.standard && !d.archived && holds(p, d.orgPath)) out.push('update', 'archive');
  if (!d.archived && town && holds(p, town.path)) out.push('setTarget');
  return out;
}

export function presentDefinition(d: IndicatorDefinition, p: Principal, town: UnitRow | null, unitNames: Map<string, string>): IndicatorViewT {
  return {
    code: d.code, name: d.nameZh, nameZh: d.nameZh, nameEn: d.nameEn, description: d.description, board: d.board, unit: d.unit,
    direction: d.direction, formula: d.formula, formulaText: formulaText(d.formula), standard: d.standard,
    orgUnitId: d.orgUnitId, orgUnitName: d.orgUnitId ? unitNames.get(d.orgUnitId) ?? null : null,
    target: d.target, warnBand: d.warnBand, catalogTarget: d.catalogTarget, catalogWarnBand: d.catalogWarnBand,
    targetSetBy: d.targetSetBy, periodKinds: d.periodKinds, sort: d.sort, archived: d.archived, version: d.version,
    updatedAt: d.updatedAt.toISOString(), policies: definitionPolicies(d, p, town),
  };
}

export const presentMeasures = () => (Object.keys(MEASURES) as MeasureCode[]).map((code) => ({
  code, kind: MEASURES[code].kind, name: MEASURES[code].zh, nameZh: MEASURES[code].zh, nameEn: MEASURES[code].en,
}));

export function presentValue(v: IndicatorValue, d: IndicatorDefinition, unit: Pick<UnitRow, 'name' | 'level'>): IndicatorValueViewT {
  return {
    code: v.code, name: d.nameZh, unit: d.unit, direction: d.direction, board: d.board,
    orgUnitId: v.orgUnitId, orgUnitName: unit.name, orgUnitLevel: unit.level, period: v.period,
    value: v.value, numerator: v.numerator, denominator: v.denominator, target: v.target, warnBand: v.warnBand !== undefined ? v.warnBand : d.warnBand,
    light: v.light, previous: v.previous, previousPeriod: previousPeriod(v.period),
  };
}
