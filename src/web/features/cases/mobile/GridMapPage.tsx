// 网格地图 (/m/map): a grid worker's own grid on the phone, with its open cases as dots coloured by their SLA light;
// a tap on a dot or a row opens the case.
import { useMemo } from 'react';
import { DotLoading, ErrorBlock, Button } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { OPEN_STATUSES } from '../../../../shared/cases.ts';
import { useMe } from '../../../app/auth.tsx';
import { errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { fetchFeatures } from '../../org/api.ts';
import { CaseMap } from '../desktop/CaseMap.tsx';
import { LIGHT_COLORS, NO_CLOCK_COLOR, useNow, worstClock } from '../desktop/clocks.ts';
import { listAllCases } from '../desktop/api.ts';
import { CaseRow } from './CaseListPage.tsx';
import { Card, MobilePage } from './ui.tsx';
import '../locales.ts';

const NO_FLASH: ReadonlySet<string> = new Set();

export function GridMapPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const now = useNow();
  const gridId = me.grids[0]?.gridId ?? (me.scopeOrgUnit?.level === 'grid' ? me.scopeOrgUnit.id : null);
  const units = useApi(gridId ? (signal) => fetchFeatures(gridId, signal) : null, [gridId]);
  const cases = useApi(gridId ? (signal) => listAllCases({ status: [...OPEN_STATUSES], orgUnitId: gridId }, signal, 400) : null, [gridId]);
  // the worst light first: what needs going to first heads the list
  const sorted = useMemo(() => {
    const rank = (c: { deadlines: Parameters<typeof worstClock>[0] }) => ({ red: 0, yellow: 1, green: 2 }[worstClock(c.deadlines, now)?.light ?? 'green'] ?? 3);
    return [...(cases.data ?? [])].sort((a, b) => rank(a) - rank(b) || a.createdAt.localeCompare(b.createdAt));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cases.data, Math.floor(now / 60_000)]);
  const open = (id: string) => navigate(`/m/cases/${id}`);

  const error = units.error ?? cases.error;
  return (
    <MobilePage title={t('cviews.mobileMap.title')} testId="grid-map-page">
      {!gridId ? <ErrorBlock status="empty" title={t('cviews.grid.noGrid')} description="" /> : error ? (
        <ErrorBlock status="default" title={errorText(error, i18n.language)} description={<Button size="small" onClick={() => { units.reload(); cases.reload(); }}>{t('mcase.common.retry')}</Button>} />
      ) : !units.data || !cases.data ? (
        <div style={{ textAlign: 'center', padding: 40 }}><DotLoading color="primary" /></div>
      ) : (
        <>
          <div className="mc-card mc-grid-map">
            <CaseMap units={units.data} cases={sorted} now={now} selectedId={null} flashIds={NO_FLASH} onSelect={open} outlineId={gridId} />
          </div>
          <div className="mc-map-legend" data-testid="grid-map-legend">
            <span>{t('cviews.mobileMap.legend')}</span>
            {(['green', 'yellow', 'red'] as const).map((l) => <span key={l}><i style={{ background: LIGHT_COLORS[l] }} />{t(`mcase.lights.${l}`)}</span>)}
            <span><i style={{ background: NO_CLOCK_COLOR }} />{t('wcase.workbench.noClock')}</span>
          </div>
          <Card title={t('cviews.mobileMap.count', { count: sorted.length })} testId="grid-map-cases">
            {sorted.length === 0 ? <div className="mc-hint" data-testid="grid-map-empty">{t('cviews.mobileMap.empty')}</div>
              : sorted.map((c) => <CaseRow key={c.id} c={c} onOpen={() => open(c.id)} lang={i18n.language} />)}
          </Card>
        </>
      )}
    </MobilePage>
  );
}
