// Pieces of the phone dispute pages: the status, tier and risk tags in antd-mobile's look.
import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { DisputeStatus, DisputeTier, RiskLevel } from '../../../../shared/disputes.ts';

const STATUS: Record<DisputeStatus, string> = { open: '#2f7bd8', resolved: '#27ae60', litigation: '#8e44ad', closed: '#8a94a3' };
const TIER: Record<DisputeTier, string> = { onSpot: '#27ae60', joint: '#d4a106', escalated: '#e8700a' };
const RISK: Record<RiskLevel, string> = { low: '#27ae60', medium: '#e8700a', high: '#cf1322' };

export function MStatusTag({ status }: { status: DisputeStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS[status]} data-testid="m-dispute-status">{t(`disputes.status.${status}`)}</Tag>;
}
export function MTierTag({ tier }: { tier: DisputeTier }) {
  const { t } = useTranslation();
  return <Tag color={TIER[tier]} fill="outline">{t(`disputes.tiers.${tier}`)}</Tag>;
}
export function MRiskTag({ risk }: { risk: RiskLevel }) {
  const { t } = useTranslation();
  return <Tag color={RISK[risk]} fill="outline">{t(`disputes.risks.${risk}`)}</Tag>;
}
