import type { Static } from '@sinclair/typebox';
import type { Tx } from '../platform/db/db.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { stale } from '../registry/refusals.ts';
import type { Rule } from '../../shared/devices.ts';
import type { EscalationPolicy } from '../../shared/alarms.ts';
import { validateRules, type RuleRefusal } from '../../domain/devices/rule-validation.ts';
import { initialState } from '../../domain/devices/rules.ts';
import { resolveRules } from '../../domain/devices/overrides.ts';
import type { RuleOverrides } from '../../shared/devices.ts';
import { loadRuleStates, saveRuleStates, type RuleStateRow } from './rule-state-store.ts';
import { findProfile, listProfileDevices, saveProfileRules as saveRules } from './profile-store.ts';
import { profilePolicies, type DeviceActor } from './presenters.ts';
import type * as s from './schemas.ts';

/*
 * A profile's rules and escalation, saved as a new version: checked as a set (the domain's refusals), their matters in
 * the catalog, the escalation's steps in order. Only the rules that changed are re-armed on the profile's active
 * devices (a rule removed stops; an unchanged rule, and a change of escalation alone, keep counting as they were: a
 * door not opened for 20 hours is not given another 24 because a leader edited the profile).
 */

export const ruleInvalid = (en: string, zh: string, details?: unknown) => new AppError('RULE_INVALID', en, zh, details);

const REFUSAL_WORDS: Record<RuleRefusal['code'], [string, string]> = {
  tooMany: ['too many rules', '规则过多'],
  required: ['is required', '必填'],
  tooLong: ['is too long', '过长'],
  invalid: ['is not valid', '无效'],
  duplicate: ['is used twice', '重复'],
  outOfRange: ['is out of range', '超出范围'],
  unknownMatter: ['names no matter of the catalog', '不是事项目录中的事项'],
  unknownRule: ['names no rule of the profile', '不是该方案中的规则'],
  notOverridable: ['cannot be changed for one person', '不能按人调整'],
};

/** 422 RULE_INVALID naming the first refusal (all of them in `details.refusals`), when there are any. */
export function refuseRules(refusals: readonly RuleRefusal[]): void {
  const first = refusals[0];
  if (!first) return;
  const [en, zh] = REFUSAL_WORDS[first.code];
  const where = first.ruleId ? `${first.ruleId}.${first.field}` : first.field;
  throw ruleInvalid(`The rules are not valid: ${where} ${en}${refusals.length > 1 ? ` (and ${refusals.length - 1} more)` : ''}.`,
    `规则有误：${where} ${zh}${refusals.length > 1 ? `（另有 ${refusals.length - 1} 处）` : ''}。`, { refusals: refusals.slice(0, 50) });
}

/** The current Matter codes a profile's rules may name: its town's, or any town's for a platform profile. */
async function matterCodes(tx: Tx, townId: string | null): Promise<Set<string>> {
  const r = await tx.query<{ code: string }>(
    'select distinct code from matters where current and retired_at is null and ($1::text is null or town_id = $1)', [townId]);
  return new Set(r.rows.map((x) => x.code));
}

/** The rules as a set (the domain's refusals), their matters in the catalog. */
export async function checkRules(tx: Tx, townId: string | null, rules: readonly Rule[]): Promise<void> {
  refuseRules(validateRules(rules, await matterCodes(tx, townId)));
}

export function checkEscalation(e: EscalationPolicy): void {
  if (e.steps[0] && e.steps[0].afterMin !== 0) {
    throw ruleInvalid('The first escalation step goes out when the alarm is raised (afterMin 0).', '第一级通知应在告警时立即发出（间隔为 0 分钟）。',
      { field: 'escalation' });
  }
  if (e.steps.slice(1).some((st) => st.afterMin < 1)) {
    throw ruleInvalid('Each later escalation step waits at least a minute.', '后续每一级通知至少间隔 1 分钟。', { field: 'escalation' });
  }
}

export async function saveProfileRules(tx: Tx, who: DeviceActor, id: string, body: Static<typeof s.ProfileRulesBody>): Promise<void> {
  const p = await findProfile(tx, who.reach.scopePath, id, true);
  if (!p) throw notFound('device profile');
  if (!profilePolicies(p, who).includes('editRules')) throw forbidden();
  if (p.version !== body.version) throw stale();
  const rules = body.rules as Rule[];
  await checkRules(tx, p.town_id, rules);
  checkEscalation(body.escalation);
  await saveRules(tx, id, { rules, escalation: body.escalation }, { accountId: who.reach.accountId, name: who.reach.name }, who.now);
  const devices = await listProfileDevices(tx, id);
  const changed = changedRuleIds(p.rules, rules);
  await rearmRules(tx, devices, rules, changed, who.now);
  await appendAudit(tx, {
    at: who.now, actorId: who.reach.accountId, actorName: who.reach.name, ip: who.ip, action: 'device_profile.save_rules',
    targetType: 'device_profile', targetId: id, success: true,
    detail: { version: p.version + 1, rules: rules.map((r) => r.id), changed: [...changed], escalationSteps: body.escalation.steps.length, devices: devices.length },
  });
}

/** JSON with sorted keys: the same rule read back from jsonb compares equal. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.keys(v).sort().filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** The ids of rules added, removed or changed in any field between two versions of a rule set. */
export function changedRuleIds(before: readonly Rule[], after: readonly Rule[]): Set<string> {
  const old = new Map(before.map((r) => [r.id, canonical(r)]));
  const out = new Set<string>();
  for (const r of after) if (old.get(r.id) !== canonical(r)) out.add(r.id);
  for (const id of old.keys()) if (!after.some((r) => r.id === id)) out.add(id);
  return out;
}

const CHUNK = 2000;

/**
 * Re-arms the named rules of these devices (locked by the caller) from `now`, each with the device's overrides laid
 * over it: a rule gone or switched off loses its state; an inactivity or offline rule keeps counting from the last
 * event (or sign of life) it had seen, unless it had fired; the others start again. Set-based, in chunks.
 */
export async function rearmRules(tx: Tx, devices: readonly { id: string; overrides: RuleOverrides | null }[], rules: readonly Rule[],
  ruleIds: ReadonlySet<string>, now: Date): Promise<void> {
  if (ruleIds.size === 0) return;
  for (let i = 0; i < devices.length; i += CHUNK) {
    const chunk = devices.slice(i, i + CHUNK);
    const old = await loadRuleStates(tx, chunk.map((d) => d.id));
    const save: RuleStateRow[] = [];
    const drop: { d: string; r: string }[] = [];
    for (const d of chunk) {
      const resolved = new Map(resolveRules(rules, d.overrides).map((r) => [r.id, r]));
      for (const ruleId of ruleIds) {
        const rule = resolved.get(ruleId);
        if (!rule || !rule.enabled) { drop.push({ d: d.id, r: ruleId }); continue; }
        const prev = old.get(d.id)?.[ruleId];
        let since = now.getTime();
        if (prev?.kind === 'inactivity' && rule.kind === 'inactivity' && prev.firedAt === null) since = prev.lastEventAt;
        if (prev?.kind === 'offline' && rule.kind === 'offline' && prev.offlineSince === null) since = prev.lastHeardAt;
        save.push({ deviceId: d.id, ruleId, state: initialState(rule, since) });
      }
    }
    if (drop.length > 0) {
      await tx.query(
        `delete from device_rule_states s using jsonb_to_recordset($1::jsonb) as x(d text, r text) where s.device_id = x.d and s.rule_id = x.r`,
        [JSON.stringify(drop)]);
    }
    await saveRuleStates(tx, save, now);
  }
}
