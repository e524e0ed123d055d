// The registered thing a case was reported at, in the case drawer: its name and kind, its risk level and a link to its
// page when the reader may open it (`policies: ['read']`).
import { Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CaseThingView } from './api.ts';
import { riskLabel, thingKindLabel } from './useNearThings.ts';
import './locales.ts';

/** antd's preset tag colours for the risk levels, as the registry's lists show them */
const RISK_TAG: Record<string, string> = { low: 'green', medium: 'gold', high: 'orange', major: 'red' };

export function CaseThingLink({ thing }: { thing: CaseThingView }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <Space size={8} wrap data-testid="case-thing">
      {thing.policies.includes('read') ? <Link to={`/registry/things/${encodeURIComponent(thing.id)}`} title={t('thingPicker.open')}>{thing.name}</Link> : <span>{thing.name}</span>}
      <Typography.Text type="secondary">{thingKindLabel(thing.kind, en)}</Typography.Text>
      {thing.riskLevel ? <Tag color={RISK_TAG[thing.riskLevel]} style={{ marginInlineEnd: 0 }}>{t('thingPicker.risk', { level: riskLabel(thing.riskLevel, en) })}</Tag> : null}
    </Space>
  );
}

