import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import type { OrgLevel } from '../../../src/shared/org-levels.ts';
import { buildLocator, locatingOrder } from '../../../src/domain/org/locator.ts';

const area = (code: string, level: OrgLevel) => ({ code, level });

describe('locatingOrder: which area a point held by several goes to', () => {
  it.each<[string, { code: string; level: OrgLevel }[], string[]]>([
    ['a dedicated grid before the grid around it', [area('001', 'grid'), area('901', 'dedicatedGrid')], ['901', '001']],
    ['grids by code', [area('003', 'grid'), area('001', 'grid'), area('002', 'grid')], ['001', '002', '003']],
    ['dedicated grids by code, all before the grids',
      [area('002', 'grid'), area('902', 'dedicatedGrid'), area('001', 'grid'), area('901', 'dedicatedGrid')], ['901', '902', '001', '002']],
    ['nothing from nothing', [], []],
  ])('%s', (_label, areas, expected) => { expect(locatingOrder(areas).map((a) => a.code)).toEqual(expected); });

  it('gives a point on the edge a dedicated grid shares with a grid to the dedicated grid', () => {
    const square = (x0: number, x1: number): Polygon => ({ type: 'Polygon', coordinates: [[[x0, 0], [x1, 0], [x1, 1], [x0, 1], [x0, 0]]] });
    const areas = locatingOrder([
      { id: 'grid', code: '001', level: 'grid' as const, geometry: square(0, 1) },
      { id: 'school', code: '901', level: 'dedicatedGrid' as const, geometry: square(1, 2) },
    ]);
    expect(buildLocator(areas).locate(1, 0.5)).toBe('school');
  });
});
