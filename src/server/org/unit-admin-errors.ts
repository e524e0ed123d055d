import { AppError } from '../platform/errors.ts';
import type { MoveProblem, RegistryHeld, RetireRefusal, UnitProblem } from '../../domain/org/unit-admin.ts';
import type { GridRejection } from '../../domain/org/grid-import.ts';

const PROBLEMS: Record<UnitProblem, [string, string]> = {
  LEVEL_NOT_UNDER_PARENT: ['This level does not belong under that unit (community under a town, grid under a community, micro-grid under a grid).', '该层级不能设在所选上级之下（社区属镇街，网格属社区，微网格属网格）。'],
  CODE_NOT_UNDER_PARENT: ['The code must extend the parent\'s code by the digits of its level.', '编码须以上级编码开头，并按层级补足位数。'],
  CODE_OUT_OF_RANGE: ['Grids are numbered 001–899, dedicated grids 901–999, communities 001–999, micro-grids 01–99.', '网格编号为 001–899，专属网格为 901–999，社区为 001–999，微网格为 01–99。'],
  NAME_REQUIRED: ['Give the unit a name.', '请填写名称。'],
};

export const unitRefused = (problems: readonly UnitProblem[]) => new AppError('VALIDATION_FAILED',
  problems.map((p) => PROBLEMS[p][0]).join(' '), problems.map((p) => PROBLEMS[p][1]).join(''), problems.map((code) => ({ code })));

export const codeTaken = (code: string) =>
  new AppError('CONFLICT', `The code ${code} belongs to another unit.`, `编码 ${code} 已被其他单位使用。`);

export const unitRetired = () =>
  new AppError('CONFLICT', 'The unit is retired; nothing more can change on it.', '该单位已撤销，不能再修改。');

const HELD_NAMES: Record<keyof RegistryHeld, [string, string]> = {
  building: ['building(s)', '楼栋 {n} 栋'], household: ['household(s)', '住户 {n} 户'], resident: ['resident(s)', '居民 {n} 人'], place: ['place(s)', '场所 {n} 处'], thing: ['thing(s)', '部件 {n} 个'],
};

export function retireRefused(r: RetireRefusal): AppError {
  if ('liveChildren' in r) return new AppError('UNIT_IN_USE', `Retire the ${r.liveChildren} unit(s) under it first.`, `请先撤销其下的 ${r.liveChildren} 个单位。`, r);
  if ('openCases' in r) return new AppError('UNIT_IN_USE', `${r.openCases} open case(s) lie in this unit: close or move them first.`, `该单位内还有 ${r.openCases} 件未办结案卷，请先办结或转移。`, r);
  const held = (Object.keys(HELD_NAMES) as (keyof RegistryHeld)[]).filter((k) => r.registry[k] > 0);
  return new AppError('UNIT_IN_USE',
    `Registry records still lie in this unit (${held.map((k) => `${r.registry[k]} ${HELD_NAMES[k][0]}`).join(', ')}): redraw the boundaries first so that they move to a neighbouring grid.`,
    `该单位内还有网格台账记录（${held.map((k) => HELD_NAMES[k][1].replace('{n}', String(r.registry[k]))).join('、')}），请先调整边界，使其划入相邻网格。`, r);
}

export const boundaryNotHere = () => new AppError('VALIDATION_FAILED',
  'Only grids and dedicated grids have their boundary edited here (it goes through the import checks).', '仅网格和专属网格可在此编辑边界（与导入同样校验）。');

export const geometryInvalid = () => new AppError('GEOMETRY_REJECTED',
  'The boundary is not a GeoJSON Polygon or MultiPolygon with closed rings.', '边界不是有效的 GeoJSON 多边形（环须闭合）。');

const MOVE_PROBLEMS: Record<MoveProblem, [string, string]> = {
  NOT_MOVABLE: ['Only communities, grids, dedicated grids and micro-grids move.', '只有社区、网格、专属网格和微网格可以移动。'],
  RETIRED: ['The unit or the new parent is retired.', '该单位或目标上级已撤销。'],
  SAME_PARENT: ['The unit already hangs under that parent.', '该单位已在所选上级之下。'],
  LEVEL_NOT_UNDER_PARENT: ['This level does not belong under that unit (a grid under a community, a micro-grid under a grid).', '该层级不能设在所选上级之下（网格属社区，微网格属网格）。'],
  OTHER_TOWN: ['A unit moves within its own town only.', '只能在本镇街内移动。'],
  INTO_ITSELF: ['A unit cannot go under itself or one of its own units.', '不能移动到自身或其下级单位之下。'],
};

export const moveRefused = (problems: readonly MoveProblem[]) => new AppError('UNIT_MOVE_REFUSED',
  problems.map((p) => MOVE_PROBLEMS[p][0]).join(' '), problems.map((p) => MOVE_PROBLEMS[p][1]).join(''), { problems });

export const moveStrandsTeam = (members: readonly { name: string; accountId: string }[]) => new AppError('UNIT_MOVE_REFUSED',
  `These team members' accounts would no longer see the grid at its new place: ${members.map((m) => m.name).join(', ')}. Change the team or their scope first.`,
  `以下网格团队成员的账号在移动后将看不到该网格：${members.map((m) => m.name).join('、')}。请先调整网格团队或其数据范围。`,
  { problems: ['TEAM_OUTSIDE'], members });

export const moveOutsideParent = (rejections: readonly GridRejection[]) => new AppError('GEOMETRY_REJECTED',
  'The boundary does not lie inside the new parent; nothing was moved.', '边界不在新上级的范围内，未移动。', rejections);
