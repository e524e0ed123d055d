// SLA limits between the catalog's notation ({ acceptMin: 5, handleWd: 3 }) and form rows per clock.
import { CLOCK_NAMES, type ClockName } from '../../../shared/matters.ts';

export const SLA_UNITS = ['Min', 'H', 'Wd'] as const;
export type SlaUnit = (typeof SLA_UNITS)[number];
export type SlaRows = Partial<Record<ClockName, { value?: number | null; unit: SlaUnit }>>;

const DEFAULT_UNIT: Record<ClockName, SlaUnit> = { accept: 'Min', dispatch: 'Min', arrive: 'Min', handle: 'H', verify: 'H' };

export function slaToRows(sla: Record<string, number> | undefined): SlaRows {
  const rows: SlaRows = {};
  for (const clock of CLOCK_NAMES) {
    const unit = SLA_UNITS.find((u) => sla?.[`${clock}${u}`] !== undefined);
    rows[clock] = unit ? { value: sla![`${clock}${unit}`], unit } : { value: null, unit: DEFAULT_UNIT[clock] };
  }
  return rows;
}

export function rowsToSla(rows: SlaRows | undefined): Record<string, number> {
  const sla: Record<string, number> = {};
  for (const clock of CLOCK_NAMES) {
    const r = rows?.[clock];
    if (r && typeof r.value === 'number') sla[`${clock}${r.unit}`] = r.value;
  }
  return sla;
}

/** "受理 5分钟 · 处置 24小时" */
export function slaText(sla: Record<string, number>, t: (k: string) => string): string {
  const rows = slaToRows(sla);
  return CLOCK_NAMES.flatMap((c) => {
    const r = rows[c];
    if (!r || typeof r.value !== 'number') return [];
    const unit = t(`matter.units.${r.unit}`);
    return [`${t(`matter.clocks.${c}`)} ${r.value}${/^[a-z]/i.test(unit) ? ' ' : ''}${unit}`];
  }).join(' · ');
}
