import { describe, expect, it } from 'vitest';
import type { Matter } from '../../../src/domain/matters/matter.ts';
import { clockLimits, dispatchOverride, nextTier, routeCase, routeReason, targetAtTier, type GridChain } from '../../../src/domain/matters/routing.ts';

const chain: GridChain = { gridId: 'g', communityId: 'm', townId: 't', districtId: 'd', orgPath: '/c/d/t/m/g/', townPath: '/c/d/t/' };
const matter = (over: Partial<Matter>): Matter => ({
  code: 'X', version: 3, name: 'x', class: 'x', tier: 'town', list: 'basic', sla: { acceptMin: 5, handleH: 24 }, ...over,
});

describe('routeCase', () => {
  it.each([
    ['town post (C0101 井盖)', { post: 'JJ-CSGX' }, { postCode: 'JJ-CSGX' }, null],
    ['withdrawn to the department (C0201 路灯)', { list: 'withdrawn', department: '区城市管理局' }, { departmentName: '区城市管理局' }, null],
    ['cooperative: post leads, department works with it (C0502)', { list: 'cooperative', post: 'JJ-CSGX', department: '区住房城乡建委' }, { postCode: 'JJ-CSGX' }, '区住房城乡建委'],
    ['grid tier to the grid team (E0101)', { tier: 'grid', onSpot: true }, { tier: 'grid' }, null],
    ['grid tier with a supervising post stays at the grid (S0101)', { tier: 'grid', post: 'TS-DLLR' }, { tier: 'grid' }, null],
    ['community tier (E0404)', { tier: 'community' }, { tier: 'community' }, null],
    ['town tier, only a department', { department: '区水利局' }, { departmentName: '区水利局' }, null],
    ['town tier, nothing named: the dispatcher chooses', {}, null, null],
  ] as [string, Partial<Matter>, unknown, string | null][])('%s', (_name, over, target, cooperating) => {
    const r = routeCase(matter(over), chain);
    expect(r).toMatchObject({ matterCode: 'X', matterVersion: 3, tier: over.tier ?? 'town', target, cooperatingDepartment: cooperating, orgPath: chain.orgPath, townPath: chain.townPath });
  });

  it.each([
    ['grid', 'community', { tier: 'community' }],
    ['community', 'town', { postCode: 'JJ-CSGX' }],
    ['town', 'district', { departmentName: '区住房城乡建委' }],
    ['district', null, null],
  ] as const)('escalating from %s goes to %s, handled by %o', (from, to, target) => {
    expect(nextTier(from)).toBe(to);
    if (to) expect(targetAtTier(matter({ post: 'JJ-CSGX', department: '区住房城乡建委' }), to)).toEqual(target);
  });
});

describe('routeReason: why routing proposes whom it does', () => {
  it.each([
    ['town post', { post: 'JJ-CSGX', name: '井盖破损缺失' }, undefined, 'townPost', 'town', false],
    ['withdrawn matter', { list: 'withdrawn', department: '区城市管理局' }, undefined, 'withdrawn', 'town', false],
    ['town tier, only a department', { department: '区水利局' }, undefined, 'townDepartment', 'town', false],
    ['district tier', { tier: 'district', department: '区水利局' }, undefined, 'districtDepartment', 'district', false],
    ['grid tier (马上办)', { tier: 'grid', onSpot: true }, undefined, 'gridTeam', 'grid', false],
    ['community tier', { tier: 'community' }, undefined, 'communityTriage', 'community', false],
    ['nothing named', {}, undefined, 'dispatcherChooses', 'town', false],
    ['escalated from town to district', { post: 'JJ-CSGX', department: '区住房城乡建委' }, 'district', 'districtDepartment', 'district', true],
    ['escalated from grid to community', { tier: 'grid' }, 'community', 'communityTriage', 'community', true],
  ] as [string, Partial<Matter>, 'grid' | 'community' | 'town' | 'district' | undefined, string, string, boolean][])('%s → %s', (_name, over, tier, code, expectedTier, escalated) => {
    const m = matter(over);
    expect(routeReason(m, tier)).toEqual({ code, matter: m.name, tier: expectedTier, escalated });
  });
});

describe('clockLimits', () => {
  it('turns catalog SLA fields into limits, with town defaults for the rest', () => {
    expect(clockLimits(matter({ sla: { acceptMin: 2, arriveMin: 15, handleWd: 3 } }))).toEqual({
      accept: { unit: 'min', amount: 2 },
      dispatch: { unit: 'min', amount: 30 },
      arrive: { unit: 'min', amount: 15 },
      handle: { unit: 'wd', amount: 3 },
      verify: { unit: 'h', amount: 24 },
    });
  });

  it('a town passes its own defaults', () => {
    expect(clockLimits(matter({}), {}).dispatch).toBeUndefined();
  });
});

describe('dispatchOverride', () => {
  it.each([
    [{ postId: 'p1' }, { postId: 'p1' }, false],
    [{ postId: 'p1' }, { postId: 'p2' }, true],
    [{ postId: 'p1' }, { departmentId: 'p1' }, true],
    [{ departmentId: 'd1' }, { departmentId: 'd1' }, false],
    [{ staffId: 's1' }, { staffId: 's1' }, false],
    [null, { staffId: 's1' }, true],
  ] as const)('routed %o, chosen %o → override %s', (routed, chosen, overridden) => {
    expect(dispatchOverride(routed, chosen)).toEqual(overridden ? { routed, chosen } : null);
  });
});
