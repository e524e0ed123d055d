// 将由谁办理 on the desktop intake: before the call is registered, who routing will send it to, where, and why.
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api.ts';
import type { LngLat } from '../api.ts';
import { reasonText, targetName, useRoutingPreview } from '../routing-preview.ts';

export function RoutingHint({ categoryCode, at }: { categoryCode: string | undefined; at: LngLat | null }) {
  const { t } = useTranslation();
  const preview = useRoutingPreview(categoryCode, at, false);
  const p = preview.data;
  if (!categoryCode || !at) return <Alert type="info" showIcon title={t('caseLoop.preview.pick')} data-testid="routing-preview" />;
  if (preview.error) {
    const outside = preview.error instanceof ApiError && preview.error.code === 'LOCATION_OUTSIDE_GRIDS';
    return <Alert type="warning" showIcon title={t(outside ? 'caseLoop.preview.outside' : 'caseLoop.preview.failed')} data-testid="routing-preview" />;
  }
  if (!p) return <Alert type="info" showIcon title={t('caseLoop.preview.loading')} data-testid="routing-preview" />;
  const target = targetName(t, p);
  return (
    <Alert
      type="success" showIcon data-testid="routing-preview" style={{ opacity: preview.loading ? 0.6 : 1 }}
      title={<span data-testid="routing-preview-target">{target ? t('caseLoop.preview.headline', { target: `${target} · ${p.town.name}` }) : t('caseLoop.preview.headlineNobody', { town: p.town.name })}</span>}
      description={
        <>
          <div data-testid="routing-preview-reason">{reasonText(t, p.reason, p.matter.name, target, p.tier)}</div>
          {p.cooperatingDepartment ? <div>{t('caseLoop.preview.cooperating', { department: p.cooperatingDepartment })}</div> : null}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('caseLoop.preview.place', { grid: p.grid.name, community: p.community.name, town: p.town.name, district: p.district.name })}
          </Typography.Text>
        </>
      }
    />
  );
}
