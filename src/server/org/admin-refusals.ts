// Refusals of boards, posts, the duty roster and grid teams: a code, an English and a Chinese message, and details
// that name what to fix (the holders, the cases, the rows).
import { AppError } from '../platform/errors.ts';
import type { HolderProblem } from '../../domain/org/posts.ts';
import type { RosterProblem } from '../../domain/org/duty-roster.ts';
import type { TeamProblem, TeamAccountIneligible } from '../../domain/org/team.ts';

const SLOT_ZH = { a: 'A 岗', b: 'B 岗', backup: '备岗' } as const;
const HOLDER_ZH: Record<HolderProblem['code'], string> = {
  same_person: '同一人不能担任两个位置', unknown: '账号不存在', not_staff: '不是工作人员账号', disabled: '账号已停用',
  no_handling_role: '该角色不办理案件（管理员、领导、审计员）', outside_jurisdiction: '不负责本镇街的案件',
};

export const boardUnknown = () => new AppError('BOARD_UNKNOWN',
  'No such board in a town you administer.', '所选板块不存在，或不在您管理的镇街。');

export const postCodeTaken = (code: string) => new AppError('POST_CODE_TAKEN',
  `The town already has a post ${code} (codes of retired posts are not reused).`, `本镇街已有岗位编码 ${code}（撤销岗位的编码不再使用）。`, { code });

export const postRetired = () => new AppError('CONFLICT',
  'The post is retired: restore it before giving it holders.', '该岗位已撤销，请先恢复再设置人员。');

export const holdersIneligible = (problems: readonly HolderProblem[]) => new AppError('POST_HOLDER_INELIGIBLE',
  `These holders cannot hold the post: ${problems.map((p) => `${p.slot} (${p.code})`).join(', ')}.`,
  `以下人员不能担任该岗位：${problems.map((p) => `${SLOT_ZH[p.slot]}（${HOLDER_ZH[p.code]}）`).join('；')}。`, { problems });

/** `cases`: the numbers of the post's open cases (the oldest 200 of `total`) */
export const lastHolderWithOpenCases = (total: number, cases: readonly string[]) => new AppError('POST_HAS_OPEN_CASES',
  `The post has ${total} open case(s): keep at least one holder until they are closed or dispatched elsewhere.`,
  `该岗位还有 ${total} 件未办结案件，请至少保留一名人员，直至案件办结或改派。`, { total, cases });

export const retireWithOpenCases = (total: number, cases: readonly string[]) => new AppError('POST_HAS_OPEN_CASES',
  `The post has ${total} open case(s): it can be retired once they are closed or dispatched elsewhere.`,
  `该岗位还有 ${total} 件未办结案件，办结或改派后才能撤销。`, { total, cases });

export const retireRoutedByMatters = (matters: readonly string[]) => new AppError('POST_ROUTED_BY_MATTERS',
  `Matters ${matters.join(', ')} route new cases to the post: change them before retiring it.`,
  `事项 ${matters.join('、')} 仍将新案件分派到该岗位，请先修改这些事项再撤销岗位。`, { matters });

const ROSTER_ZH: Record<RosterProblem['code'], string> = {
  outside_week: '日期不在本周', duplicate_slot: '同一班次重复填写', too_many: '同一班次人数过多', listed_twice: '同一人在同一班次重复',
  unknown: '账号不存在', not_staff: '不是工作人员账号', disabled: '账号已停用', no_staff_role: '该账号不承担值班职责',
  outside_town: '不是本镇街的工作人员', not_leader: '带班领导须具有领导角色',
};

export const rosterInvalid = (problems: readonly RosterProblem[]) => new AppError('ROSTER_INVALID',
  `The roster is not valid: ${problems.map((p) => `${p.date} ${p.shift}${p.accountId ? ` ${p.accountId}` : ''}: ${p.code}`).join('; ')}.`,
  `值班表有误：${problems.map((p) => `${p.date} ${p.shift}：${ROSTER_ZH[p.code]}`).join('；')}。`, { problems });

export const rosterStale = () => new AppError('CONFLICT',
  'Someone saved this week\'s roster meanwhile: reload it and make your change again.', '本周值班表已被他人修改，请刷新后重新编辑。');

const TEAM_ZH: Record<TeamProblem['code'], string> = {
  unknown_member: '成员不属于本网格', listed_twice: '成员重复', blank_name: '姓名不能为空', second_leader: '每个网格只有一名网格长',
  account_twice: '同一账号只能对应一名成员',
};

export const teamInvalid = (problems: readonly TeamProblem[]) => new AppError('TEAM_INVALID',
  `The team is not valid: ${problems.map((p) => `row ${p.index + 1}: ${p.code}`).join('; ')}.`,
  `网格团队有误：${problems.map((p) => `第 ${p.index + 1} 行：${TEAM_ZH[p.code]}`).join('；')}。`, { problems });

export const notAGrid = () => new AppError('TEAM_INVALID',
  'Only a grid or a dedicated grid has a team.', '只有网格和专属网格才有网格团队。', { problems: [{ code: 'not_a_grid' }] });

const ACCOUNT_ZH: Record<TeamAccountIneligible, string> = {
  unknown: '账号不存在', not_staff: '不是工作人员账号（居民以姓名加入团队）', disabled: '账号已停用', no_territory: '该账号没有辖区',
  outside_grid: '该账号的辖区不包含本网格',
};

export const teamAccountsIneligible = (problems: readonly { index: number; accountId: string; code: TeamAccountIneligible }[]) =>
  new AppError('TEAM_MEMBER_INELIGIBLE',
    `These accounts cannot be on the grid's team: ${problems.map((p) => `row ${p.index + 1} (${p.code})`).join(', ')}.`,
    `以下账号不能加入本网格团队：${problems.map((p) => `第 ${p.index + 1} 行（${ACCOUNT_ZH[p.code]}）`).join('；')}。`, { problems });

export const noSuccessor = (cases: readonly string[]) => new AppError('TEAM_NO_SUCCESSOR',
  `The leaving member holds ${cases.length} open case(s) of this grid and no one on the new team can take them: link a grid worker's account, or keep them with the leaving member and say why.`,
  `离开的成员还有本网格 ${cases.length} 件未办结案件，新团队中没有可以接手的人员：请为网格员关联账号，或说明理由后由其继续办理。`, { cases });

export const handoverReasonRequired = () => new AppError('VALIDATION_FAILED',
  'Say why the leaving member keeps the grid\'s open cases (handover.reason).', '请说明离开的成员继续办理本网格案件的理由。', { field: 'handover.reason' });
