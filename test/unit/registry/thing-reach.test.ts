import { describe, expect, it } from 'vitest';
import { checkThingForReport, kindsForCategory, suggestThing, thingReach, thingsNear, type ThingAt } from '../../../src/domain/registry/thing-reach.ts';

// 解放碑, Chongqing; 0.001° of latitude ≈ 111.2 m
const here = { lng: 106.5775, lat: 29.5573 };
const north = (m: number) => ({ lng: here.lng, lat: here.lat + m / 111_195 });
const GRID = '/c/d/town/comm/grid/';

describe('thingReach', () => {
  it.each([
    ['a registry reader (its territory)', { scopePath: GRID, gridIds: null }, { kind: 'territory', scopePath: GRID, gridIds: null, radiusM: 200 }],
    ['a grid worker (its teams\' grids)', { scopePath: GRID, gridIds: ['g1'] }, { kind: 'territory', scopePath: GRID, gridIds: ['g1'], radiusM: 200 }],
    ['anyone who reads no registry (a resident, anonymous, a handler)', null, { kind: 'near', radiusM: 30 }],
  ])('%s', (_who, registry, reach) => {
    expect(thingReach(registry)).toEqual(reach);
  });
});

describe('checkThingForReport', () => {
  const thing = (over: Partial<ThingAt> = {}): ThingAt =>
    ({ id: 't1', kind: 'manhole', orgPath: GRID, gridId: 'grid', townId: 'town', location: north(20), retired: false, ...over });
  const territory = { kind: 'territory', scopePath: GRID, gridIds: null, radiusM: 200 } as const;
  const teams = { kind: 'territory', scopePath: GRID, gridIds: ['grid'], radiusM: 200 } as const;
  const near = { kind: 'near', radiusM: 30 } as const;
  it.each([
    ['in the territory, 20 m', thing(), territory, null],
    ['in the territory, 150 m', thing({ location: north(150) }), territory, null],
    ['in the territory, 250 m', thing({ location: north(250) }), territory, 'outOfReach'],
    ['outside the territory', thing({ orgPath: '/c/d/town/comm/other/' }), territory, 'unknown'],
    ['in a team\'s grid', thing(), teams, null],
    ['in the territory, not a team\'s grid', thing({ gridId: 'grid-2' }), teams, 'unknown'],
    ['retired', thing({ retired: true }), territory, 'retired'],
    ['of another town', thing({ townId: 'elsewhere' }), territory, 'otherTown'],
    ['near, 20 m, any territory', thing({ orgPath: '/x/' }), near, null],
    ['near, 40 m', thing({ location: north(40) }), near, 'outOfReach'],
    ['none', null, near, 'unknown'],
  ])('%s', (_what, t, reach, refusal) => {
    expect(checkThingForReport(t, reach, 'town', here)).toBe(refusal);
  });
});

describe('suggestThing and thingsNear', () => {
  const things = [
    { id: 'hydrant', kind: 'hydrant' as const, location: north(1) },
    { id: 'manhole-far', kind: 'manhole' as const, location: north(8) },
    { id: 'manhole', kind: 'manhole' as const, location: north(4) },
    { id: 'wall', kind: 'retainingWall' as const, location: north(3) },
  ];
  it.each([
    ['C0101', 'manhole'], // 井盖破损缺失: the nearest manhole within 5 m
    ['C0502', 'wall'], // 堡坎挡墙
    ['E0402', 'hydrant'], // 消防通道: a hydrant
    ['C0501', null], // a facade: none here
    ['E0101', null], // 暴露垃圾: not about a thing
  ])('%s → %s', (code, id) => {
    expect(suggestThing(things, code, here)).toBe(id);
  });

  it('lists the things within a radius, nearest first, with their distance', () => {
    expect(thingsNear(things, here, 5).map((t) => [t.id, t.distanceM])).toEqual([['hydrant', 1], ['wall', 3], ['manhole', 4]]);
  });

  it('knows no kinds for a category not about a thing', () => {
    expect(kindsForCategory('E0101')).toEqual([]);
    expect(kindsForCategory(undefined)).toEqual([]);
  });
});
