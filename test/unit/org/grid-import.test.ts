import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { checkGridImport } from '../../../src/domain/org/grid-import.ts';

const rect = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
});
const community = { code: '500199001001', geometry: rect(106.5, 29.5, 106.52, 29.52) };
const communities = new Map([[community.code, community]]);
const draft = (code: string, geometry: unknown, communityCode = community.code) => ({ code, name: code, communityCode, geometry });

describe('checkGridImport', () => {
  it('accepts grids that tile their community', () => {
    const r = checkGridImport([
      draft('500199001001001', rect(106.5, 29.5, 106.51, 29.52)),
      draft('500199001001002', rect(106.51, 29.5, 106.52, 29.52)),
    ], communities, []);
    expect(r.ok).toBe(true);
  });

  it.each([
    ['not a polygon', { type: 'Point', coordinates: [106.5, 29.5] }, 'INVALID_GEOMETRY'],
    ['an open ring', { type: 'Polygon', coordinates: [[[106.5, 29.5], [106.51, 29.5], [106.51, 29.51], [106.5, 29.51]]] }, 'INVALID_GEOMETRY'],
    ['coordinates out of range', rect(206.5, 29.5, 206.51, 29.51), 'INVALID_GEOMETRY'],
    ['a bow tie', { type: 'Polygon', coordinates: [[[106.5, 29.5], [106.51, 29.51], [106.51, 29.5], [106.5, 29.51], [106.5, 29.5]]] }, 'SELF_INTERSECTING'],
    ['a grid leaving its community', rect(106.515, 29.5, 106.53, 29.51), 'OUTSIDE_COMMUNITY'],
  ])('refuses %s', (_name, geometry, problem) => {
    const r = checkGridImport([draft('500199001001009', geometry)], communities, []);
    expect(r).toMatchObject({ ok: false, rejections: [{ code: '500199001001009', problem }] });
  });

  it('refuses an unknown community', () => {
    const r = checkGridImport([draft('500199001099001', rect(106.5, 29.5, 106.51, 29.51), '500199001099')], communities, []);
    expect(r).toMatchObject({ ok: false, rejections: [{ problem: 'UNKNOWN_COMMUNITY' }] });
  });

  it('lists every overlapping grid, against the file and against kept grids', () => {
    const r = checkGridImport([
      draft('500199001001001', rect(106.5, 29.5, 106.512, 29.51)),
      draft('500199001001002', rect(106.51, 29.5, 106.52, 29.51)),
    ], communities, [{ code: '500199001001003', geometry: rect(106.5, 29.509, 106.52, 29.52) }]);
    expect(r.ok).toBe(false);
    const problems = !r.ok ? r.rejections.map((x) => `${x.code}:${x.problem}`).sort() : [];
    expect(problems).toEqual([
      '500199001001001:OVERLAPS_GRID', '500199001001001:OVERLAPS_GRID',
      '500199001001002:OVERLAPS_GRID', '500199001001002:OVERLAPS_GRID',
    ]);
  });

  it('replacing a kept grid by the same code is not an overlap with itself', () => {
    const r = checkGridImport([draft('500199001001001', rect(106.5, 29.5, 106.51, 29.51))], communities,
      [{ code: '500199001001001', geometry: rect(106.5, 29.5, 106.52, 29.52) }]);
    expect(r.ok).toBe(true);
  });

  it('refuses a code twice in one file', () => {
    const g = rect(106.5, 29.5, 106.505, 29.505);
    const r = checkGridImport([draft('500199001001001', g), draft('500199001001001', g)], communities, []);
    expect(r).toMatchObject({ ok: false, rejections: [{ problem: 'DUPLICATE_CODE' }] });
  });
});
