import { PLAN_LEVELS, type PlanBody, type PlanLevel, type PlanStep } from '../../shared/plans.ts';

/*
 * 数字预案: the rules a plan's body keeps beyond its schema (TypeBox refuses wrong shapes, negative offsets and lengths
 * with 400 first), and the level arithmetic the incident relies on. Plain data in, plain data out.
 */

const LEVEL_NAMES: Record<PlanLevel, string> = { IV: 'Ⅳ级', III: 'Ⅲ级', II: 'Ⅱ级', I: 'Ⅰ级' };

/** The level's Chinese name (Ⅳ级 … Ⅰ级), for reasons and logs. */
export function levelName(level: PlanLevel): string {
  return LEVEL_NAMES[level] ?? String(level);
}

/** Negative when `a` is the lower level (IV < III < II < I), 0 when equal, positive when higher. */
export function compareLevels(a: PlanLevel, b: PlanLevel): number {
  return PLAN_LEVELS.indexOf(a) - PLAN_LEVELS.indexOf(b);
}

/** The plan's levels from its lowest up to and including `level`, lowest first. */
export function levelsUpTo(levels: readonly PlanLevel[], level: PlanLevel): PlanLevel[] {
  return levels.filter((l) => compareLevels(l, level) <= 0);
}

/** Whether the plan has this level (an incident is started or moved only to a level its plan has). */
export function planHasLevel(body: Pick<PlanBody, 'levels'>, level: PlanLevel): boolean {
  return body.levels.includes(level);
}

/** The steps that apply at `level` (fromLevel at or below it), in the plan's order. */
export function stepsAt<S extends Pick<PlanStep, 'fromLevel'>>(body: { steps: readonly S[] }, level: PlanLevel): S[] {
  return body.steps.filter((s) => compareLevels(s.fromLevel, level) <= 0);
}

/**
 * The steps a level change from `from` to `to` adds: those whose fromLevel is above `from` and at or below `to`, in the
 * plan's order. Lowering a level (or keeping it) adds nothing.
 */
export function stepsAddedBy<S extends Pick<PlanStep, 'fromLevel'>>(body: { steps: readonly S[] }, from: PlanLevel, to: PlanLevel): S[] {
  if (compareLevels(to, from) <= 0) return [];
  return body.steps.filter((s) => compareLevels(s.fromLevel, from) > 0 && compareLevels(s.fromLevel, to) <= 0);
}

function duplicates<T extends string>(keys: readonly T[]): T[] {
  const seen = new Set<T>();
  const twice = new Set<T>();
  for (const k of keys) (seen.has(k) ? twice : seen).add(k);
  return [...twice];
}

/**
 * Why a plan body cannot be saved, each reason in Chinese naming what is wrong; empty when it can. Keys unique among
 * roles, steps and resources; the steps' roles exist; the levels a non-empty, ordered subset of Ⅳ…Ⅰ without repeats; each
 * step's fromLevel and each trigger's level among the plan's levels; resources' points on the earth; notice texts
 * present; the notice's hours positive.
 */
export function planRefusals(body: PlanBody): string[] {
  const out: string[] = [];
  if (!body.name.trim()) out.push('预案名称不能为空');
  if (!body.matterCode.trim()) out.push('请选择预案工单的事项');

  // levels (ordered so that an incident can only go up or down among them)
  if (body.levels.length === 0) out.push('预案至少要有一个响应级别');
  const levelsKnown = body.levels.every((l) => (PLAN_LEVELS as readonly string[]).includes(l));
  if (!levelsKnown) out.push('响应级别只能是Ⅳ级、Ⅲ级、Ⅱ级、Ⅰ级');
  for (const l of duplicates(body.levels)) out.push(`响应级别${levelName(l)}重复`);
  if (levelsKnown && body.levels.some((l, i) => i > 0 && compareLevels(body.levels[i - 1]!, l) >= 0) && duplicates(body.levels).length === 0) {
    out.push('响应级别须由低到高排列（Ⅳ级→Ⅰ级）');
  }
  const hasLevel = (l: PlanLevel) => body.levels.includes(l);

  // roles
  for (const k of duplicates(body.roles.map((r) => r.key))) out.push(`角色编号“${k}”重复`);
  for (const r of body.roles) {
    if (!r.key.trim()) out.push(`角色“${r.name}”缺少编号`);
    if (!r.name.trim()) out.push(`角色“${r.key}”缺少名称`);
    if (!r.postCode && r.backupAccountIds.length === 0) out.push(`角色“${r.name}”既没有岗位也没有后备人员`);
    for (const a of duplicates(r.backupAccountIds)) out.push(`角色“${r.name}”的后备人员重复：${a}`);
  }
  const roleKeys = new Set(body.roles.map((r) => r.key));

  // steps
  if (body.steps.length === 0) out.push('预案至少要有一个处置步骤');
  for (const k of duplicates(body.steps.map((s) => s.key))) out.push(`步骤编号“${k}”重复`);
  for (const s of body.steps) {
    if (!s.key.trim()) out.push(`步骤“${s.title}”缺少编号`);
    if (!s.title.trim()) out.push(`步骤“${s.key}”缺少标题`);
    if (!roleKeys.has(s.roleKey)) out.push(`步骤“${s.title}”的执行角色“${s.roleKey}”不存在`);
    if (!hasLevel(s.fromLevel)) out.push(`步骤“${s.title}”的起始级别${levelName(s.fromLevel)}不在预案的响应级别中`);
    if (!Number.isFinite(s.dueOffsetMin) || s.dueOffsetMin < 0) out.push(`步骤“${s.title}”的完成时限不能为负`);
    if (s.checklist.some((c) => !c.trim())) out.push(`步骤“${s.title}”有空白的检查项`);
    for (const c of duplicates(s.checklist)) out.push(`步骤“${s.title}”的检查项“${c}”重复`);
  }

  // triggers
  body.triggers.forEach((t, i) => {
    if (t.kind === 'manual') return;
    const what = `第${i + 1}个启动条件`;
    if (!hasLevel(t.level)) out.push(`${what}的启动级别${levelName(t.level)}不在预案的响应级别中`);
    if (t.kind === 'alarm' && !t.alarmType.trim()) out.push(`${what}缺少告警类型`);
    if (t.kind === 'case' && !t.categoryCode.trim()) out.push(`${what}缺少事项分类`);
    if (t.kind === 'alert' && !t.alertType.trim()) out.push(`${what}缺少平台预警类型`);
  });

  // resources
  for (const k of duplicates(body.resources.map((r) => r.key))) out.push(`资源编号“${k}”重复`);
  for (const r of body.resources) {
    if (!r.key.trim()) out.push(`资源“${r.name}”缺少编号`);
    if (!r.name.trim()) out.push(`资源“${r.key}”缺少名称`);
    const p = r.location;
    if (p && !(Number.isFinite(p.lng) && Number.isFinite(p.lat) && p.lng >= -180 && p.lng <= 180 && p.lat >= -90 && p.lat <= 90)) {
      out.push(`资源“${r.name}”的位置不在经度−180～180、纬度−90～90之内`);
    }
    if (r.quantity !== null && !(Number.isFinite(r.quantity) && r.quantity >= 0)) out.push(`资源“${r.name}”的数量不能为负`);
  }

  // notice (CAP)
  const n = body.notice;
  const texts: [string, string][] = [
    ['事件名称', n.event], ['标题', n.headline], ['描述', n.description], ['防护指引', n.instruction], ['影响区域', n.areaDesc],
  ];
  for (const [label, text] of texts) if (!text.trim()) out.push(`预警通知的${label}不能为空`);
  if (!(Number.isFinite(n.expiresAfterH) && n.expiresAfterH > 0)) out.push('预警通知的有效时长须大于0小时');
  return out;
}
