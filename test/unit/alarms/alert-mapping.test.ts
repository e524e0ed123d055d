import { describe, expect, it } from 'vitest';
import { alertCaseDescription, checkTypeMatters, matterOf, onGround } from '../../../src/domain/alarms/alert-mapping.ts';

const known = new Set(['S0201', 'S0301', 'S0401']);

describe('alert type → matter', () => {
  it.each([
    [{ 'fire.smoke': 'S0201', 'fire.flame': 'S0301' }, []],
    [{}, []],
    [{ 'fraud.call': 'X1' }, [{ code: 'matterUnknown', type: 'fraud.call', matterCode: 'X1' }]],
    [{ 'has space': 'S0201' }, [{ code: 'typeInvalid', type: 'has space' }]],
    [{ '.dot': 'S0201' }, [{ code: 'typeInvalid', type: '.dot' }]],
  ])('%j → %j', (map, expected) => {
    expect(checkTypeMatters(map, known)).toEqual(expected);
  });

  it('refuses more than 50 types', () => {
    const map = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, 'S0201']));
    expect(checkTypeMatters(map, known)).toEqual([{ code: 'tooMany' }]);
  });

  it('maps exactly, and never through the object\'s prototype', () => {
    const map = { 'fire.smoke': 'S0201' };
    expect(matterOf(map, 'fire.smoke')).toBe('S0201');
    expect(matterOf(map, 'FIRE.SMOKE')).toBeNull();
    expect(matterOf(map, 'toString')).toBeNull();
    expect(matterOf(map, '__proto__')).toBeNull();
  });

  it('writes the case description in Chinese', () => {
    expect(alertCaseDescription('消防AI平台', { type: 'fire.smoke', level: 'red', text: '3号楼楼道识别到烟雾' }))
      .toBe('【消防AI平台·红色告警】fire.smoke：3号楼楼道识别到烟雾');
  });

  it.each([
    ['/c/d/t1/g1/', '/c/d/t1/', true],
    ['/c/d/t1/g1/', '/c/d/', true],
    ['/c/d/t2/g1/', '/c/d/t1/', false],
    [null, '/c/', false],
  ])('grid %s on ground %s: %s', (grid, ground, expected) => {
    expect(onGround(grid, ground)).toBe(expected);
  });
});
