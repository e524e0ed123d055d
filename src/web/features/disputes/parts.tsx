// Small pieces the dispute pages share: the tags of a status, a tier and a risk level in their colours, and the time format.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DisputeStatus, DisputeTier, RiskLevel } from '../../../shared/disputes.ts';

export const STATUS_COLOURS: Record<DisputeStatus, string> = { open: 'processing', resolved: 'success', litigation: 'purple', closed: 'default' };
export const TIER_COLOURS: Record<DisputeTier, string> = { onSpot: 'green', joint: 'gold', escalated: 'volcano' };
export const RISK_COLOURS: Record<RiskLevel, string> = { low: 'green', medium: 'orange', high: 'red' };

export function StatusTag({ status }: { status: DisputeStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOURS[status]} data-testid="dispute-status">{t(`disputes.status.${status}`)}</Tag>;
}

export function TierTag({ tier }: { tier: DisputeTier }) {
  const { t } = useTranslation();
  return <Tag color={TIER_COLOURS[tier]} bordered={false} data-testid="dispute-tier">{t(`disputes.tiers.${tier}`)}</Tag>;
}

export function RiskTag({ risk }: { risk: RiskLevel }) {
  const { t } = useTranslation();
  return <Tag color={RISK_COLOURS[risk]} data-testid="dispute-risk">{t(`disputes.risks.${risk}`)}</Tag>;
}

export { timeText, dayText } from '../../lib/time-text.ts';
