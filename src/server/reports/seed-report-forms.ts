import type { Tx } from '../platform/db/db.ts';
import type { ReportPeriodKind, ReportRowKind } from '../../shared/reports.ts';
import { insertForm, type FormColumnRow } from './form-store.ts';

/*
 * The standard forms of 一表通 that used to be filled in by hand, written by the base seed so every database has them
 * (after the standard indicators). Idempotent by code: a form already there keeps what it holds.
 */
const m = (code: string): FormColumnRow => ({ indicatorCode: `measure:${code}` });
const i = (code: string, label?: string): FormColumnRow => (label ? { indicatorCode: code, label } : { indicatorCode: code });

export const STANDARD_REPORT_FORMS: { code: string; name: string; description: string; rowKind: ReportRowKind; periodKind: ReportPeriodKind; columns: FormColumnRow[] }[] = [
  {
    code: 'grid-service-monthly', name: '网格化服务管理月报', rowKind: 'children', periodKind: 'month',
    description: '各下级单位当月的立案、结案、按期、返工、延期、受理时效、满意率和超期在办情况，合计按下级汇总。',
    columns: [i('casesAccepted'), i('closeRate'), i('onTimeCloseRate'), i('onTimeHandleRate'), i('reworkRate'), i('extensionRate'),
      i('acceptIn5MinRate'), i('satisfiedRate'), i('overdueOpenCases')],
  },
  {
    code: 'dispute-monthly', name: '矛盾纠纷排查化解月报', rowKind: 'children', periodKind: 'month',
    description: '各下级单位当月受理、办结、化解的矛盾纠纷件数和化解率，以及重大突发事件数。',
    columns: [m('disputesOpened'), m('disputesSettled'), m('disputesResolved'), i('disputeResolveRate'), i('majorIncidents')],
  },
  {
    code: 'grid-worker-duty', name: '网格员履职情况表', rowKind: 'children', periodKind: 'month',
    description: '各下级单位网格员当月的活跃度、走访、重点人群关注、任务完成和发现上报情况。',
    columns: [i('gridWorkerActivity'), m('visits'), m('keyPersonVisits'), i('keyPeopleCare'), i('taskCompletionRate'), m('casesReported'), i('casesAccepted')],
  },
  {
    code: 'elder-alarm-monthly', name: '智慧养老告警处置月报', rowKind: 'children', periodKind: 'month',
    description: '各下级单位当月智慧养老设备告警数、及时响应数和及时响应率。',
    columns: [m('alarmsRaised'), m('alarmsAckedOnTime'), i('alarmResponseRate')],
  },
  {
    code: 'governance-yearly', name: '基层治理体征指标年度汇总表', rowKind: 'months', periodKind: 'year',
    description: '本单位逐月的主要体征指标，合计为全年口径（比率按全年分子分母计算，超期在办数取年末）。',
    columns: [i('casesAccepted'), i('closeRate'), i('onTimeCloseRate'), i('satisfiedRate'), i('disputeResolveRate'), i('overdueOpenCases')],
  },
];

export async function seedReportForms(tx: Tx, now: Date): Promise<number> {
  let added = 0;
  for (const [n, f] of STANDARD_REPORT_FORMS.entries()) {
    const id = await insertForm(tx, {
      code: f.code, orgUnitId: null, orgPath: null, name: f.name, description: f.description, rowKind: f.rowKind,
      periodKind: f.periodKind, columns: f.columns, sort: (n + 1) * 10, key: null, by: null, now,
    });
    if (id) added++;
  }
  return added;
}
