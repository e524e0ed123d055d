import { describe, expect, it } from 'vitest';
import { admissionEffect, catalogBurden, itemHours, registryLoad, type BurdenItem, type RegistryCounts } from '../../../src/domain/duties/burden.ts';

// The burden per doer of each level (越往下越简单), hours a month; expected answers worked out by hand.
const none: RegistryCounts = { gridWorkers: 0, keyPeople: [], riskPoints: [], buildings: 0 };

describe('an item\'s hours', () => {
  it.each([
    ['4 visits of 30 minutes', { listType: 'basic', visitsPerMonth: 4, minutesPerVisit: 30 }, 2],
    ['assisting: 1.5 visits of 40 minutes', { listType: 'assisting', visitsPerMonth: 1.5, minutesPerVisit: 40 }, 1],
    ['withdrawn to a department weighs nothing', { listType: 'withdrawn', visitsPerMonth: 10, minutesPerVisit: 60 }, 0],
    ['no visits', { listType: 'basic', visitsPerMonth: 0, minutesPerVisit: 60 }, 0],
  ] as const)('%s: %s h', (_, item, hours) => {
    expect(itemHours(item)).toBeCloseTo(hours, 10);
  });
});

describe('the registry\'s load on a grid worker', () => {
  it('shares weekly and monthly visits, inspections and building checks among the workers', () => {
    // 14 people weekly (30/7 a month each = 60), 6 monthly (6): 66 visits; 10 points every 15 days: 20 inspections;
    // 40 buildings: 40 checks; shared by 2 workers: 33, 10, 20 → 33×30 + 10×20 + 20×15 = 990 + 200 + 300 min = 24.8333 h
    const load = registryLoad({ gridWorkers: 2, keyPeople: [{ everyDays: 7, residents: 14 }, { everyDays: 30, residents: 6 }], riskPoints: [{ everyDays: 15, things: 10 }], buildings: 40 });
    expect(load).toMatchObject({ gridWorkers: 2, keyPeople: 20, riskPoints: 10, buildings: 40 });
    expect(load.keyVisits).toBeCloseTo(33, 10);
    expect(load.inspections).toBeCloseTo(10, 10);
    expect(load.buildingChecks).toBeCloseTo(20, 10);
    expect(load.hours).toBeCloseTo(1490 / 60, 10);
  });

  it('puts it all on one worker when the town has none', () => {
    const load = registryLoad({ gridWorkers: 0, keyPeople: [{ everyDays: 30, residents: 2 }], riskPoints: [], buildings: 3 });
    // 2 visits × 30 + 3 checks × 15 = 105 min
    expect(load.hours).toBeCloseTo(1.75, 10);
  });

  it('is nothing for an empty registry', () => {
    expect(registryLoad(none).hours).toBe(0);
  });
});

describe('the burden of each level', () => {
  const items: BurdenItem[] = [
    { level: 'town', listType: 'basic', visitsPerMonth: 2, minutesPerVisit: 90 },
    { level: 'town', listType: 'withdrawn', visitsPerMonth: 8, minutesPerVisit: 120 },
    { level: 'community', listType: 'assisting', visitsPerMonth: 3, minutesPerVisit: 20 },
    { level: 'grid', listType: 'basic', visitsPerMonth: 4, minutesPerVisit: 15 },
    { level: 'grid', listType: 'withdrawn', visitsPerMonth: 4, minutesPerVisit: 15 },
  ];
  it('counts the level\'s own and assisting items, and the registry at the grid', () => {
    const b = catalogBurden(items, { gridWorkers: 1, keyPeople: [{ everyDays: 30, residents: 2 }], riskPoints: [], buildings: 0 });
    expect(b.town).toMatchObject({ items: 1, catalogHours: 3, registry: null, hours: 3 });
    expect(b.community).toMatchObject({ items: 1, catalogHours: 1, registry: null, hours: 1 });
    expect(b.grid.items).toBe(1);
    expect(b.grid.catalogHours).toBeCloseTo(1, 10);
    // 2 visits × 30 min = 1 h from the registry
    expect(b.grid.hours).toBeCloseTo(2, 10);
  });
});

describe('what an admission adds', () => {
  it.each([
    ['2 visits of 30 minutes onto 10 h', 10, { listType: 'basic', visitsPerMonth: 2, minutesPerVisit: 30 }, { before: 10, added: 1, after: 11 }],
    ['a withdrawn item adds nothing', 10, { listType: 'withdrawn', visitsPerMonth: 2, minutesPerVisit: 30 }, { before: 10, added: 0, after: 10 }],
  ] as const)('%s', (_, before, proposal, effect) => {
    expect(admissionEffect(before, proposal)).toEqual(effect);
  });
});
