// 将由谁办理: before a report is sent from the phone (signed in or anonymous), who routing will send it to, where, and
// why; asked again when the category or the place changes. A failure never blocks the report.
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api.ts';
import type { CaseDetail, LngLat } from '../api.ts';
import { reasonText, targetName, useRoutingPreview, verificationText } from '../routing-preview.ts';
import { Card } from './ui.tsx';

export function RoutingNotice({ categoryCode, at, anonymous }: { categoryCode: string | null; at: LngLat | null; anonymous: boolean }) {
  const { t } = useTranslation();
  const preview = useRoutingPreview(categoryCode, at, anonymous);
  const p = preview.data;
  let body;
  if (!categoryCode || !at) body = <div className="mc-hint">{t('caseLoop.preview.pick')}</div>;
  else if (preview.error) {
    const outside = preview.error instanceof ApiError && preview.error.code === 'LOCATION_OUTSIDE_GRIDS';
    body = <div className="mc-hint" data-testid="routing-preview-error">{t(outside ? 'caseLoop.preview.outside' : 'caseLoop.preview.failed')}</div>;
  } else if (!p) body = <div className="mc-hint">{t('caseLoop.preview.loading')}</div>;
  else {
    const target = targetName(t, p);
    body = (
      <div style={{ display: 'grid', gap: 4, opacity: preview.loading ? 0.6 : 1 }}>
        <div style={{ fontSize: 16, fontWeight: 600 }} data-testid="routing-preview-target">
          {target ? t('caseLoop.preview.headline', { target: `${target} · ${p.town.name}` }) : t('caseLoop.preview.headlineNobody', { town: p.town.name })}
        </div>
        <div className="mc-hint" data-testid="routing-preview-reason">{reasonText(t, p.reason, p.matter.name, target, p.tier)}</div>
        {p.cooperatingDepartment ? <div className="mc-hint">{t('caseLoop.preview.cooperating', { department: p.cooperatingDepartment })}</div> : null}
        <div className="mc-hint" style={{ fontSize: 12 }}>{t('caseLoop.preview.place', { grid: p.grid.name, community: p.community.name, town: p.town.name, district: p.district.name })}</div>
      </div>
    );
  }
  return <Card title={t('caseLoop.preview.title')} testId="routing-preview">{body}</Card>;
}

/** Who verifies a handled case, and that its handler may not (a grid worker's 马上办 goes to the community). */
export function VerificationNote({ v }: { v: NonNullable<CaseDetail['verification']> }) {
  const { t } = useTranslation();
  const { by, notes } = verificationText(t, v);
  return <>{by}{notes.map((n) => <div key={n} className="mc-hint">{n}</div>)}</>;
}
