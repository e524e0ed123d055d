// Legend over the map: one colour per community, the dedicated-grid hatch, borders and selection.
import { useTranslation } from 'react-i18next';
import type { CommunityColor } from './palette.ts';
import { SELECTED_COLOR } from './palette.ts';
import './map.css';

export function MapLegend({ communities }: { communities: CommunityColor[] }) {
  const { t } = useTranslation();
  return (
    <div className="zz-legend" data-testid="map-legend">
      <h4>{t('org.legend')}</h4>
      {communities.map((c) => (
        <div key={c.id} className="zz-legend-row">
          <span className="zz-swatch" style={{ background: c.color, opacity: 0.75 }} />
          {c.name}
        </div>
      ))}
      <div className="zz-legend-row" style={{ marginTop: 4 }}><span className="zz-swatch zz-swatch-hatch" />{t('org.dedicated')}</div>
      <div className="zz-legend-row"><span className="zz-swatch zz-swatch-border" />{t('org.communityBorder')}</div>
      <div className="zz-legend-row"><span className="zz-swatch zz-swatch-border" style={{ borderColor: SELECTED_COLOR }} />{t('org.selectedGrid')}</div>
    </div>
  );
}
