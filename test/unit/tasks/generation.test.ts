// The daily generation's rules over a fixed day, the 2026 calendar and the tag catalog: what is due, its key, when it
// shows and by when; every expected day written by hand (Monday 23 November 2026 unless said).
import { describe, expect, it } from 'vitest';
import { calendarFrom } from '../../../src/domain/sla/working-calendar.ts';
import { POPULATION_TAGS, withTownFrequencies } from '../../../src/domain/registry/tags.ts';
import { PLATFORM_STANDING_DUTIES } from '../../../src/domain/tasks/standing-duties.ts';
import {
  assignDueTasks, buildingCheckTasks, campaignTasks, dueTasks, inspectionTasks, sweepTasks, verificationTasks, visitCutoffs, visitTasks,
  type CaseRecord, type GenerationContext, type ResidentRecord, type ThingRecord,
} from '../../../src/domain/tasks/generation.ts';

const calendar = calendarFrom([{
  source: 'test',
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  workdays: ['2026-09-20', '2026-10-10'],
}]);
const ctx = (day = '2026-11-23', o: Partial<GenerationContext> = {}): GenerationContext => ({
  day, duties: PLATFORM_STANDING_DUTIES, calendar, tags: POPULATION_TAGS, ...o,
});
const grid = { id: 'g1' };
const resident = (o: Partial<ResidentRecord> = {}): ResidentRecord => ({
  id: 'r1', name: '张秀英', householdId: 'h1', tags: ['elderly_alone'], lastVisitedOn: '2026-11-16', arrivedOn: '2025-01-01', lng: 106.5, lat: 29.5, ...o,
});
const thing = (o: Partial<ThingRecord> = {}): ThingRecord => ({
  id: 't1', name: '3号堡坎', inspectionEveryDays: 30, lastInspectedOn: '2026-10-24', createdOn: '2025-01-01', lng: 106.6, lat: 29.6, ...o,
});
const handled = (o: Partial<CaseRecord> = {}): CaseRecord => ({
  id: 'c1', number: '500199001-20261120-0001', status: 'handled', resolvedOnSpot: false, handledBy: 'handler',
  reporterKind: 'gridWorker', reporterAccountId: 'a', lng: 106.7, lat: 29.7, ...o,
});
const keys = (ts: { dedupeKey: string }[]) => ts.map((t) => t.dedupeKey);

describe('visits to key people (D2)', () => {
  it('a weekly visit last made a week ago is due today: two working days', () => {
    const [t, ...rest] = visitTasks(grid, [resident()], ctx());
    expect(rest).toEqual([]);
    expect(t).toMatchObject({
      kind: 'keyVisit', dutyCode: 'D2', subjectKind: 'resident', subjectId: 'r1', dedupeKey: 'visit:r1:2026-11-23',
      startsOn: '2026-11-23', dueOn: '2026-11-25', lng: 106.5, lat: 29.5, stickKey: 'h1', title: '走访 张秀英',
    });
  });

  it('is not due before its interval has passed, nor for tags that ask for no visits', () => {
    expect(visitTasks(grid, [resident({ lastVisitedOn: '2026-11-17' })], ctx())).toEqual([]);
    expect(visitTasks(grid, [resident({ tags: ['party_member', 'volunteer'], lastVisitedOn: null })], ctx())).toEqual([]);
    // 空巢老人 every 14 days: visited 10 days ago, not yet
    expect(visitTasks(grid, [resident({ tags: ['elderly_empty_nest'], lastVisitedOn: '2026-11-13' })], ctx())).toEqual([]);
  });

  it('follows the town\'s own frequency of a tag', () => {
    const tags = withTownFrequencies(POPULATION_TAGS, [{ code: 'elderly_alone', visitEveryDays: 3 }]);
    expect(keys(visitTasks(grid, [resident({ lastVisitedOn: '2026-11-20' })], ctx('2026-11-23', { tags })))).toEqual(['visit:r1:2026-11-23']);
    expect(visitTasks(grid, [resident({ lastVisitedOn: '2026-11-21' })], ctx('2026-11-23', { tags }))).toEqual([]);
  });

  it('takes the most frequent of a person\'s tags', () => {
    // 低保 every 30, 独居 every 7: the 7 wins
    expect(keys(visitTasks(grid, [resident({ tags: ['subsistence', 'elderly_alone'] })], ctx()))).toEqual(['visit:r1:2026-11-23']);
  });

  it('makes a new resident due from the day they arrive (mid-week), not before', () => {
    const newcomer = resident({ id: 'r9', lastVisitedOn: null, arrivedOn: '2026-11-25' });
    expect(visitTasks(grid, [newcomer], ctx('2026-11-24'))).toEqual([]);
    expect(visitTasks(grid, [newcomer], ctx('2026-11-25'))[0]).toMatchObject({ dedupeKey: 'visit:r9:2026-11-25', startsOn: '2026-11-25', dueOn: '2026-11-27' });
    // still not visited on Friday: the same task (same key), nothing new
    expect(keys(visitTasks(grid, [newcomer], ctx('2026-11-27')))).toEqual(['visit:r9:2026-11-25']);
  });

  it('moves a weekly visit due on a holiday to the first working day after it, and counts the deadline from there', () => {
    const t = visitTasks(grid, [resident({ lastVisitedOn: '2026-09-24' })], ctx('2026-10-01'))[0]!;
    expect(t).toMatchObject({ dedupeKey: 'visit:r1:2026-10-01', startsOn: '2026-10-08', dueOn: '2026-10-10' });
  });

  it('keeps the key of a missed visit: it rolls over instead of being made again', () => {
    const late = resident({ lastVisitedOn: '2026-11-09' });
    expect(keys(visitTasks(grid, [late], ctx('2026-11-16')))).toEqual(['visit:r1:2026-11-16']);
    expect(keys(visitTasks(grid, [late], ctx('2026-11-23')))).toEqual(['visit:r1:2026-11-16']);
  });

  it('a resident without a household keeps their own key for the assignment', () => {
    expect(visitTasks(grid, [resident({ householdId: null })], ctx())[0]!.stickKey).toBe('resident:r1');
  });
});

describe('the bounds the store reads residents by', () => {
  it('names, for each tag that asks for visits, the last visit day on or before which its carriers are due', () => {
    const tags = withTownFrequencies(POPULATION_TAGS, [{ code: 'elderly_alone', visitEveryDays: 3 }]);
    const cutoffs = visitCutoffs(ctx('2026-11-23', { tags }));
    expect(cutoffs).toContainEqual({ code: 'elderly_alone', cutoff: '2026-11-20' });
    expect(cutoffs).toContainEqual({ code: 'elderly_empty_nest', cutoff: '2026-11-09' });
    expect(cutoffs).toContainEqual({ code: 'veteran', cutoff: '2026-08-25' });
    expect(cutoffs.map((c) => c.code)).not.toContain('party_member');
  });
});

describe('risk points (D3), buildings (D1), dispute sweeps (D4)', () => {
  it('inspects a risk point by its interval, never-inspected ones from their entry, none without an interval', () => {
    const ts = inspectionTasks(grid, [thing(), thing({ id: 't2', lastInspectedOn: '2026-10-25' }), thing({ id: 't3', lastInspectedOn: null, createdOn: '2026-11-20' }), thing({ id: 't4', inspectionEveryDays: null, lastInspectedOn: null })], ctx());
    expect(keys(ts)).toEqual(['inspect:t1:2026-11-23', 'inspect:t3:2026-11-20']);
    expect(ts[0]).toMatchObject({ kind: 'riskInspection', dutyCode: 'D3', subjectKind: 'thing', startsOn: '2026-11-23', dueOn: '2026-11-25', lng: 106.6, lat: 29.6 });
    expect(ts[1]).toMatchObject({ startsOn: '2026-11-23', dueOn: '2026-11-25' });
  });

  it('checks each building once a month: ten working days', () => {
    const b = { id: 'b1', name: '春晖路8号1栋', lng: 1, lat: 2 };
    expect(buildingCheckTasks(grid, [b], ctx())[0]).toMatchObject({ dedupeKey: 'check:b1:2026-11', startsOn: '2026-11-23', dueOn: '2026-12-07', subjectKind: 'building' });
    // on Sunday 1 November the month's check starts Monday the 2nd
    expect(buildingCheckTasks(grid, [b], ctx('2026-11-01'))[0]).toMatchObject({ dedupeKey: 'check:b1:2026-11', startsOn: '2026-11-02', dueOn: '2026-11-16' });
    expect(keys(buildingCheckTasks(grid, [b], ctx('2026-12-01')))).toEqual(['check:b1:2026-12']);
  });

  it('sweeps the grid once an ISO week', () => {
    expect(sweepTasks(grid, ctx('2026-11-25'))).toEqual([expect.objectContaining({ dedupeKey: 'sweep:g1:2026-W48', subjectKind: 'grid', subjectId: 'g1', startsOn: '2026-11-25', dueOn: '2026-11-30', lng: null })]);
    expect(keys(sweepTasks(grid, ctx('2026-11-23')))).toEqual(['sweep:g1:2026-W48']);
  });
});

describe('verification of handled cases (D6)', () => {
  it('checks a handled case on site, preferring the grid worker who reported it, never the one who handled it', () => {
    expect(verificationTasks(grid, [handled()], ctx())).toEqual([expect.objectContaining({
      dedupeKey: 'verify:c1', kind: 'caseVerification', subjectKind: 'case', startsOn: '2026-11-23', dueOn: '2026-11-24', prefer: 'a', exclude: ['handler'], lng: 106.7,
    })]);
  });

  it('prefers nobody when the reporter handled it or was no grid worker', () => {
    expect(verificationTasks(grid, [handled({ handledBy: 'a' })], ctx())[0]).toMatchObject({ prefer: null, exclude: ['a'] });
    expect(verificationTasks(grid, [handled({ reporterKind: 'resident', reporterAccountId: 'r' })], ctx())[0]!.prefer).toBeNull();
  });

  it('leaves cases resolved on the spot to the community, and cases not handled alone', () => {
    expect(verificationTasks(grid, [handled({ resolvedOnSpot: true }), handled({ id: 'c2', status: 'in_progress' }), handled({ id: 'c3', status: 'closed' })], ctx())).toEqual([]);
  });
});

describe('campaigns (D5)', () => {
  const campaign = { id: 'cp', title: '防诈骗宣传', startsOn: '2026-11-20', dueOn: '2026-11-30', gridIds: ['g1', 'g2'] };
  it('gives each chosen grid one task until the campaign\'s own due day', () => {
    expect(campaignTasks(grid, [campaign], ctx())).toEqual([expect.objectContaining({
      dedupeKey: 'campaign:cp:g1', campaignId: 'cp', startsOn: '2026-11-23', dueOn: '2026-11-30', title: '宣传：防诈骗宣传',
    })]);
  });
  it('gives nothing to a grid not chosen, before the start or after the end', () => {
    expect(campaignTasks({ id: 'g3' }, [campaign], ctx())).toEqual([]);
    expect(campaignTasks(grid, [campaign], ctx('2026-11-19'))).toEqual([]);
    expect(campaignTasks(grid, [campaign], ctx('2026-12-01'))).toEqual([]);
  });
});

describe('a grid\'s day', () => {
  it('generates nothing for a duty the town turned off', () => {
    const duties = PLATFORM_STANDING_DUTIES.map((d) => (d.kind === 'keyVisit' || d.kind === 'disputeSweep' ? { ...d, enabled: false } : d));
    const ts = dueTasks(grid, { residents: [resident()], things: [], buildings: [], cases: [], campaigns: [] }, ctx('2026-11-23', { duties }));
    expect(ts).toEqual([]);
  });

  it('uses a town\'s own deadline', () => {
    const duties = PLATFORM_STANDING_DUTIES.map((d) => (d.kind === 'keyVisit' ? { ...d, deadlineDays: 0 } : d));
    expect(visitTasks(grid, [resident()], ctx('2026-11-23', { duties }))[0]!.dueOn).toBe('2026-11-23');
  });

  it('generates every kind due and gives each to the team', () => {
    const records = {
      residents: [resident(), resident({ id: 'r2', householdId: 'h1', name: '王建国' })], things: [thing()],
      buildings: [{ id: 'b1', name: '1栋', lng: 1, lat: 2 }], cases: [handled()], campaigns: [],
    };
    const ts = dueTasks(grid, records, ctx());
    expect(keys(ts)).toEqual(['visit:r1:2026-11-23', 'visit:r2:2026-11-23', 'inspect:t1:2026-11-23', 'check:b1:2026-11', 'sweep:g1:2026-W48', 'verify:c1']);
    const team = { workers: [{ accountId: 'a', name: '甲', capacity: 1 }, { accountId: 'b', name: '乙', capacity: 1 }], leader: null };
    const given = assignDueTasks(ts, team, [{ accountId: 'b', from: '2026-11-23', to: '2026-11-23' }], new Map());
    expect(given.map((t) => t.assigneeId)).toEqual(['a', 'a', 'a', 'a', 'a', 'a']);
    // the two residents of one household go to the same person
    const both = assignDueTasks(ts.slice(0, 2), team, [], new Map());
    expect(both[0]!.assigneeId).toBe(both[1]!.assigneeId);
  });
});
