// The tier a dispute is handled at (分级化解) and the unit that handles it. Plain rules, no I/O, no clock.
//   - high risk → escalated (提级化解: the town's 综治中心)
//   - medium risk, parties living in two or more grids, or a group of ≥ 5 → joint (协同化解: the community with others)
//   - else onSpot (就地化解: the grid)
// Staff may choose another tier; one below the suggested tier needs a reason (DISPUTE_TIER_REASON_REQUIRED).
// Handling unit: onSpot → the grid, joint → the community (the grid's parent), escalated → the town.
import { DISPUTE_TIERS, type DisputeTier, type RiskLevel } from '../../shared/disputes.ts';
import { RISK_GROUP_MEDIUM } from './risk.ts';

export interface TierInput {
  risk: RiskLevel;
  groupSize: number;
  /** in how many different grids the parties live (0 or 1: one grid) */
  gridsOfParties: number;
  classCode: string;
}

export interface TierSuggestion {
  tier: DisputeTier;
  reasons: string[];
  reasonsEn: string[];
}

export function suggestTier(input: TierInput): TierSuggestion {
  if (input.risk === 'high') return { tier: 'escalated', reasons: ['高风险'], reasonsEn: ['high risk'] };
  const reasons: string[] = [];
  const reasonsEn: string[] = [];
  if (input.risk === 'medium') { reasons.push('中风险'); reasonsEn.push('medium risk'); }
  if (input.gridsOfParties >= 2) { reasons.push(`当事人分属${input.gridsOfParties}个网格`); reasonsEn.push(`parties live in ${input.gridsOfParties} grids`); }
  if (input.groupSize >= RISK_GROUP_MEDIUM) { reasons.push(`群体性（${input.groupSize}人）`); reasonsEn.push(`a group of ${input.groupSize} people`); }
  if (reasons.length > 0) return { tier: 'joint', reasons, reasonsEn };
  return { tier: 'onSpot', reasons: ['一般纠纷，网格内就地化解'], reasonsEn: ['an ordinary dispute, settled in the grid'] };
}

/** Is tier `a` below tier `b` (onSpot < joint < escalated)? */
export function tierBelow(a: DisputeTier, b: DisputeTier): boolean {
  return DISPUTE_TIERS.indexOf(a) < DISPUTE_TIERS.indexOf(b);
}

/** A chosen tier below the suggested one without a reason (blank counts as none) is refused. */
export function tierRefusal(chosen: DisputeTier, suggested: DisputeTier, reason: string | null | undefined): 'DISPUTE_TIER_REASON_REQUIRED' | null {
  return tierBelow(chosen, suggested) && !(reason ?? '').trim() ? 'DISPUTE_TIER_REASON_REQUIRED' : null;
}

/** The id of the org unit that handles a dispute of this tier. */
export function handlingUnitOf(tier: DisputeTier, units: { gridId: string; communityId: string; townId: string }): string {
  switch (tier) {
    case 'onSpot': return units.gridId;
    case 'joint': return units.communityId;
    case 'escalated': return units.townId;
    default: { const never: never = tier; throw new Error(`unknown tier ${String(never)}`); }
  }
}
