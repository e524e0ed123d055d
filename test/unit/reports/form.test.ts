import { describe, expect, it } from 'vitest';
import { formRefusals, monthsOf, periodLabel, reportPeriodKind, type FormInput } from '../../../src/domain/reports/form.ts';

const known = new Set(['casesAccepted', 'closedRate', 'satisfactionRate']);
const good: FormInput = { name: '网格化服务管理月报', rowKind: 'children', periodKind: 'month', columns: [{ indicatorCode: 'casesAccepted' }, { indicatorCode: 'closedRate', label: '结案率' }] };

describe('formRefusals', () => {
  it('a good form has none', () => expect(formRefusals(good, known)).toEqual([]));
  it.each<[string, Partial<FormInput>, string[]]>([
    ['no name', { name: '  ' }, ['报表名称不能为空']],
    ['a name too long', { name: '表'.repeat(61) }, ['报表名称最多 60 个字']],
    ['months rows filled monthly', { rowKind: 'months', periodKind: 'month' }, ['按月份分行的报表须按季或按年报送']],
    ['no columns', { columns: [] }, ['至少选择一个指标作为列']],
    ['an unknown indicator', { columns: [{ indicatorCode: 'nope' }] }, ['指标不在本街道的指标目录中：nope']],
    ['an indicator twice', { columns: [{ indicatorCode: 'closedRate' }, { indicatorCode: 'closedRate' }] }, ['指标重复：closedRate']],
    ['17 columns', { columns: Array.from({ length: 17 }, () => ({ indicatorCode: 'casesAccepted' })) }, ['最多 16 列', ...Array(16).fill('指标重复：casesAccepted')]],
    ['a bad period kind', { periodKind: 'day' as never }, ['报送周期须为月、季或年']],
  ])('%s', (_what, change, reasons) => expect(formRefusals({ ...good, ...change }, known)).toEqual(reasons));
});

describe('monthsOf', () => {
  it.each<[string, string, string[]]>([
    ['2026Q4', '2026-12-03', ['2026-10', '2026-11', '2026-12']],
    ['2026Q4', '2026-11-30', ['2026-10', '2026-11']],
    ['2026', '2026-03-15', ['2026-01', '2026-02', '2026-03']],
    ['2025', '2026-03-15', ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12']],
    ['2027', '2026-12-03', []],
    ['2026-12', '2026-12-03', []],
  ])('%s by %s', (period, today, months) => expect(monthsOf(period, today)).toEqual(months));
});

describe('periods', () => {
  it.each<[string, string | null, string, string]>([
    ['2026-11', 'month', '2026年11月', 'Nov 2026'],
    ['2026Q4', 'quarter', '2026年第四季度', '2026 Q4'],
    ['2026', 'year', '2026年', '2026'],
    ['2026-12-03', null, '2026-12-03', '2026-12-03'],
    ['2026-13', null, '2026-13', '2026-13'],
  ])('%s', (period, kind, zh, en) => {
    expect(reportPeriodKind(period)).toBe(kind);
    expect(periodLabel(period, 'zh')).toBe(zh);
    expect(periodLabel(period, 'en')).toBe(en);
  });
});
