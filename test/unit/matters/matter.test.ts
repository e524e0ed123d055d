import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateMatter } from '../../../src/domain/matters/matter.ts';

const valid = { code: 'C0101', name: '井盖破损缺失', class: '部件/公用设施', tier: 'town', post: 'JJ-CSGX', list: 'basic', sla: { acceptMin: 5, handleH: 24 } };
const catalog = JSON.parse(readFileSync('src/server/platform/seed/catalogs/matters.json', 'utf8')) as { matters: Record<string, unknown>[] };

describe('validateMatter', () => {
  it.each(catalog.matters.map((m) => [m.code, m] as const))('the starter catalog entry %s is valid', (_code, m) => {
    expect(validateMatter(m)).toEqual([]);
  });

  it.each([
    ['no code', { code: '' }, 'code', 'REQUIRED'],
    ['unknown tier', { tier: 'province' }, 'tier', 'INVALID'],
    ['unknown list', { list: 'optional' }, 'list', 'INVALID'],
    ['town tier without post or department', { post: undefined }, 'post', 'REQUIRED'],
    ['district tier without department', { tier: 'district' }, 'department', 'REQUIRED'],
    ['withdrawn without department', { list: 'withdrawn' }, 'department', 'REQUIRED'],
    ['no sla', { sla: undefined }, 'sla', 'REQUIRED'],
    ['no accept limit', { sla: { handleH: 4 } }, 'sla.acceptMin', 'REQUIRED'],
    ['zero minutes', { sla: { acceptMin: 0 } }, 'sla.acceptMin', 'NOT_POSITIVE'],
    ['negative hours', { sla: { acceptMin: 5, handleH: -1 } }, 'sla.handleH', 'NOT_POSITIVE'],
    ['half a working day', { sla: { acceptMin: 5, handleWd: 1.5 } }, 'sla.handleWd', 'NOT_POSITIVE'],
    ['a string for minutes', { sla: { acceptMin: '5' } }, 'sla.acceptMin', 'NOT_POSITIVE'],
    ['hours and working days', { sla: { acceptMin: 5, handleH: 4, handleWd: 1 } }, 'sla.handleWd', 'EXCLUSIVE'],
    ['zero escalation hours', { escalateAfterH: 0 }, 'escalateAfterH', 'NOT_POSITIVE'],
    ['negative radius', { duplicateRadiusM: -5 }, 'duplicateRadiusM', 'NOT_POSITIVE'],
  ])('%s → %s %s', (_name, change, field, code) => {
    expect(validateMatter({ ...valid, ...change })).toContainEqual(expect.objectContaining({ field, code }));
  });

  it.each([
    ['a grid matter needs no post', { tier: 'grid', post: undefined }],
    ['a town matter with only a department', { post: undefined, department: '区城市管理局' }],
  ])('%s', (_name, change) => {
    expect(validateMatter({ ...valid, ...change })).toEqual([]);
  });
});
