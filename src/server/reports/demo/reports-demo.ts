import type { DemoContext } from '../../platform/capability.ts';
import { demoPrincipal } from '../../disputes/demo/demo-store.ts';
import { periodOf, previousPeriod } from '../../../domain/indicators/periods.ts';
import { createForm } from '../save-form.ts';
import { fillReport } from '../fill-report.ts';
import type { ReportFormat } from '../../../shared/reports.ts';

/**
 * 一表通 in the demo: the town's leader defines the town's own quarterly form (结案情况季报), and the last two months'
 * reports are filled from the roll-ups the indicators step counted — 春晖社区's staff fill its 网格化服务管理月报 on the
 * 3rd of the next month, the town's leader the town's 网格化服务管理月报 (PDF) and 矛盾纠纷排查化解月报 (Excel) on the 4th
 * — each kept and audited like a real fill. Nothing when the demo's fills are there.
 */
export async function demoReports(ctx: DemoContext): Promise<string | null> {
  const [leader, staff] = await Promise.all([demoPrincipal(ctx.db, 'leader'), demoPrincipal(ctx.db, 'community')]);
  if (!leader?.scopeOrgUnitId || !staff?.scopeOrgUnitId) return null;
  if ((await ctx.db.query('select 1 from report_fills limit 1')).rows.length > 0) return null;
  const forms = new Map((await ctx.db.query<{ id: string; code: string }>('select id, code from report_forms where code is not null')).rows.map((r) => [r.code, r.id]));
  const monthly = forms.get('grid-service-monthly');
  const disputes = forms.get('dispute-monthly');
  if (!monthly || !disputes) return null;

  const hour = 3_600_000;
  const notAfter = (at: Date) => new Date(Math.min(at.getTime(), ctx.now.getTime() - hour));
  await ctx.db.transaction((tx) => createForm(tx, leader, {
    name: '社区结案情况季报', rowKind: 'children', periodKind: 'quarter',
    description: '各社区本季度的结案、按期结案、满意率和结案件数，报区网格化服务管理中心。',
    columns: [{ indicatorCode: 'closeRate' }, { indicatorCode: 'onTimeCloseRate' }, { indicatorCode: 'satisfiedRate' }, { indicatorCode: 'measure:casesClosed', label: '结案件数' }],
  }, { now: notAfter(new Date(ctx.now.getTime() - 40 * 24 * hour)), ip: null, key: 'demo:reports:quarterly' }));

  const thisMonth = periodOf('month', ctx.now);
  const last = previousPeriod(thisMonth);
  const before = previousPeriod(last);
  let fills = 0;
  for (const [period, filedIn] of [[before, last], [last, thisMonth]] as const) {
    const day = (d: number, hm: string) => notAfter(new Date(`${filedIn}-0${d}T${hm}:00+08:00`));
    const runs: [typeof leader, string, string, ReportFormat, Date][] = [
      [staff, monthly, staff.scopeOrgUnitId, 'xlsx', day(3, '10:20')],
      [leader, monthly, leader.scopeOrgUnitId, 'pdf', day(4, '09:40')],
      [leader, disputes, leader.scopeOrgUnitId, 'xlsx', day(4, '09:45')],
    ];
    for (const [who, formId, orgUnitId, format, at] of runs) {
      await ctx.db.transaction((tx) => fillReport(tx, who, { formId, orgUnitId, period, format }, { now: at, ip: null, key: null }));
      fills++;
    }
  }
  return `reports: the town's own quarterly form, ${fills} fills of ${before} and ${last}`;
}
