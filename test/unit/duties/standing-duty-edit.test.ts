import { describe, expect, it } from 'vitest';
import { applyStandingDutyEdit, standingDutyProblems, type StandingDutyEdit } from '../../../src/domain/duties/standing-duty-edit.ts';

// A town's edit of its "6+1": the platform's codes each once, a rhythm in days only for building checks and sweeps.
const asIs: StandingDutyEdit[] = [
  { code: 'D1', name: '基础信息采集', description: '', everyDays: 30, deadlineDays: 10, enabled: true },
  { code: 'D2', name: '走访服务', description: '', everyDays: null, deadlineDays: 2, enabled: true },
  { code: 'D3', name: '隐患排查', description: '', everyDays: null, deadlineDays: 2, enabled: true },
  { code: 'D4', name: '矛盾纠纷排查调解', description: '', everyDays: 7, deadlineDays: 3, enabled: true },
  { code: 'D5', name: '政策宣传', description: '', everyDays: null, deadlineDays: 5, enabled: true },
  { code: 'D6', name: '事件上报与核查', description: '', everyDays: null, deadlineDays: 1, enabled: true },
  { code: 'D7', name: '交办任务', description: '', everyDays: null, deadlineDays: 3, enabled: false },
];
const edit = (code: string, patch: Partial<StandingDutyEdit>) => asIs.map((d) => (d.code === code ? { ...d, ...patch } : d));

describe('an edit of the standing duties', () => {
  it.each([
    ['the list as it is', asIs, []],
    ['building checks every 60 days', edit('D1', { everyDays: 60 }), []],
    ['building checks with no rhythm', edit('D1', { everyDays: null }), [{ problem: 'everyDaysRequired', code: 'D1' }]],
    ['visits on a fixed rhythm', edit('D2', { everyDays: 7 }), [{ problem: 'everyDaysNotAllowed', code: 'D2' }]],
    ['a blank name', edit('D4', { name: '  ' }), [{ problem: 'nameBlank', code: 'D4' }]],
    ['D7 missing', asIs.slice(0, 6), [{ problem: 'missingCode', code: 'D7' }]],
    ['D8 added', [...asIs, { ...asIs[0]!, code: 'D8' }], [{ problem: 'unknownCode', code: 'D8' }]],
    ['D3 twice', [...asIs, asIs[2]!], [{ problem: 'duplicateCode', code: 'D3' }]],
  ])('%s', (_, edits, problems) => {
    expect(standingDutyProblems(edits)).toEqual(problems);
  });

  it('keeps each duty\'s kind and the platform\'s order', () => {
    const applied = applyStandingDutyEdit([...asIs].reverse().map((d) => ({ ...d, name: ` ${d.name} ` })));
    expect(applied.map((d) => [d.code, d.kind, d.name])).toEqual([
      ['D1', 'buildingCheck', '基础信息采集'], ['D2', 'keyVisit', '走访服务'], ['D3', 'riskInspection', '隐患排查'], ['D4', 'disputeSweep', '矛盾纠纷排查调解'],
      ['D5', 'campaign', '政策宣传'], ['D6', 'caseVerification', '事件上报与核查'], ['D7', 'assigned', '交办任务'],
    ]);
    expect(applied[6]!.enabled).toBe(false);
  });
});
