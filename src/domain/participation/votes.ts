// Votes of the councils' meetings: who may vote, the key that makes one person (or one household) one vote, and the
// count. Plain rules over plain data, no I/O, no clock. Written down:
//   - voter key: under `unit: 'household'` a person of a household votes for it as 'household:<household id>' (the
//     household's first voter casts its one vote); a person without a household, or any vote under `unit: 'person'`,
//     votes as their person key (the keyed hash of the ID number);
//   - eligibility: `residents` — a person of the registry living in the council's area, aged 18 or more;
//     `anyone` — also an account of the area outside the registry, but only when the loosening was confirmed
//     (`loosened`); outside the area nobody votes;
//   - count: `cast` = all ballots (abstentions count as cast); quorum `share` = cast ≥ ceil(value × electorate),
//     quorum `count` = cast ≥ value; passed = quorum met and
//       for / cast > passShare   when passShare is 0.5 (a strict majority: half is not enough),
//       for / cast ≥ passShare   otherwise (e.g. 2/3: two thirds is enough);
//     no ballots → not passed.
import type { VoteRules, VoteTally } from '../../shared/participation.ts';

export const VOTING_AGE = 18;
export const MAX_OPTIONS = 6;

/** The key under which this voter's one vote is counted (see the rules above). */
export function voterKeyOf(rules: Pick<VoteRules, 'unit'>, voter: { personKey: string; householdId: string | null }): string {
  if (rules.unit === 'household' && voter.householdId) return `household:${voter.householdId}`;
  return voter.personKey;
}

export interface EligibilityInput {
  /** a person of the registry (false: an account of the area not in the registry) */
  inRegistry: boolean;
  /** living in the council's area (the council's org path is a prefix of theirs) */
  inArea: boolean;
  /** age in whole years on the day of the vote; null when unknown (not in the registry) */
  age: number | null;
  /** the loosening of the electorate was confirmed for this motion */
  loosened: boolean;
}

export function eligibility(rules: Pick<VoteRules, 'electorate'>, v: EligibilityInput): { eligible: boolean; reason: string | null } {
  if (!v.inArea) return { eligible: false, reason: '不在本议事会的范围内' };
  if (!v.inRegistry) {
    if (rules.electorate === 'anyone' && v.loosened) return { eligible: true, reason: null };
    return { eligible: false, reason: '未登记为本辖区居民' };
  }
  if (v.age !== null && v.age < VOTING_AGE) return { eligible: false, reason: `未满${VOTING_AGE}周岁` };
  return { eligible: true, reason: null };
}

/** The count of a motion's ballots (each ballot is the chosen option) against its electorate. */
export function tally(rules: Pick<VoteRules, 'quorum' | 'passShare'>, input: { options: readonly string[]; ballots: readonly string[]; electorate: number }): VoteTally {
  const counts: Record<string, number> = {};
  for (const o of input.options) counts[o] = 0;
  for (const b of input.ballots) counts[b] = (counts[b] ?? 0) + 1;
  const cast = input.ballots.length;
  const electorate = Math.max(0, input.electorate);
  const quorumMet = rules.quorum.kind === 'share'
    ? cast >= Math.ceil(rules.quorum.value * electorate - 1e-9)
    : cast >= rules.quorum.value;
  const forVotes = counts['for'] ?? 0;
  const share = cast === 0 ? 0 : forVotes / cast;
  const carried = cast > 0 && (rules.passShare === 0.5 ? share > 0.5 : share >= rules.passShare - 1e-9);
  return { tally: counts, cast, electorate, quorumMet, passed: quorumMet && carried };
}

/** What is wrong with a vote's rules (zh), empty when they can be used. */
export function rulesRefusals(rules: VoteRules): string[] {
  const out: string[] = [];
  if (rules.unit !== 'person' && rules.unit !== 'household') out.push('计票单位只能是按人或按户');
  if (rules.electorate !== 'residents' && rules.electorate !== 'anyone') out.push('投票范围只能是本辖区居民或放宽');
  const q = rules.quorum;
  if (!q || (q.kind !== 'share' && q.kind !== 'count')) out.push('法定人数的方式只能是比例或人数');
  else if (q.kind === 'share' && !(q.value > 0 && q.value <= 1)) out.push('法定人数比例应在0到1之间');
  else if (q.kind === 'count' && !(Number.isInteger(q.value) && q.value >= 1)) out.push('法定人数应为正整数');
  if (!(typeof rules.passShare === 'number' && rules.passShare >= 0.5 && rules.passShare <= 1)) out.push('通过比例应在二分之一到1之间');
  if (typeof rules.secret !== 'boolean') out.push('须说明是否无记名投票');
  return out;
}

/** Letting people outside the registry vote is a loosening: it needs a logged confirmation and a notice on the vote. */
export function isLoosening(rules: Pick<VoteRules, 'electorate'>): boolean {
  return rules.electorate === 'anyone';
}
