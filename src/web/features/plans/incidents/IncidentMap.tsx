// The incident's map: the town's grids in neutral colours with the affected grids outlined in red, the place where it
// happens (a red dot) and the plan's resources by kind (teams, vehicles, supplies, shelters), each named on hover.
// Fitted to the affected grids and the points, else to the town.
import { useMemo } from 'react';
import type { Geometry } from 'geojson';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../lib/useApi.ts';
import { Marker, Popup } from '../../../ui/map/maplibre.ts';
import { plainColours } from '../../../ui/map/palette.ts';
import { useUnitMap } from '../../../ui/map/useUnitMap.ts';
import { boundsOf } from '../../../ui/map/geometry.ts';
import { fetchFeatures, type UnitFeatures } from '../../org/api.ts';
import type { IncidentDetail } from './api.ts';
import './locales.ts';
import './incidents.css';

export const RESOURCE_COLORS: Record<string, string> = { team: '#1f5fa8', vehicle: '#13a8a8', supply: '#d4a106', shelter: '#2e9e5b' };

export function IncidentMap({ incident }: { incident: IncidentDetail }) {
  const units = useApi((signal) => fetchFeatures(incident.townId, signal), [incident.townId]);
  if (!units.data) return <div className="zz-map-frame zz-inc-map" data-testid="incident-map" data-map-ready="false"><div className="zz-map-canvas" style={{ background: '#eef1f5' }} /></div>;
  return <DrawnMap incident={incident} units={units.data} />;
}

function DrawnMap({ incident, units }: { incident: IncidentDetail; units: UnitFeatures }) {
  const { t } = useTranslation();
  const plain = useMemo(() => plainColours(units, '#c3d0e0', '#dbe3ee'), [units]);
  const affected = incident.affectedGridIds;
  const fit = useMemo(() => {
    const points: Geometry[] = [
      ...units.features.filter((f) => affected.includes(f.properties.id)).map((f) => f.geometry as Geometry),
      ...[incident.location, ...incident.resources.map((r) => r.location)].filter((p): p is { lng: number; lat: number } => !!p)
        .map((p) => ({ type: 'Point', coordinates: [p.lng, p.lat] }) as Geometry),
    ];
    return points.length ? boundsOf(points) : null;
  }, [units, affected, incident.location, incident.resources]);

  const { container, ready } = useUnitMap({
    units: plain, navigation: true, scale: true, labels: { community: 0, grid: 15 }, fitTo: fit, maxFitZoom: 16, padding: 48,
    onLoad: (m) => {
      const inAffected = ['in', ['get', 'id'], ['literal', affected]] as never;
      if (m.getLayer('selected-fill')) m.setFilter('selected-fill', inAffected);
      if (m.getLayer('selected-line')) m.setFilter('selected-line', inAffected);
      const popup = new Popup({ closeButton: false, closeOnClick: false, offset: 12, className: 'zz-popup' });
      const add = (at: { lng: number; lat: number }, cls: string, color: string | null, label: string, testId: string) => {
        const el = document.createElement('div');
        el.className = `zz-inc-marker ${cls}`;
        if (color) el.style.background = color;
        el.setAttribute('data-testid', testId);
        el.addEventListener('mouseenter', () => popup.setLngLat([at.lng, at.lat]).setText(label).addTo(m));
        el.addEventListener('mouseleave', () => popup.remove());
        new Marker({ element: el }).setLngLat([at.lng, at.lat]).addTo(m);
      };
      for (const r of incident.resources) {
        if (r.location) add(r.location, '', RESOURCE_COLORS[r.kind] ?? '#5d7092', `${t(`incidents.resourceKinds.${r.kind}`)} · ${r.name}`, 'map-resource');
      }
      if (incident.location) add(incident.location, 'zz-inc-marker-incident', null, incident.address ?? t('incidents.map.incident'), 'map-incident');
    },
  });

  return (
    <div>
      <div className="zz-map-frame zz-inc-map" data-testid="incident-map" data-map-ready={ready ? 'true' : 'false'}>
        <div ref={container} className="zz-map-canvas" />
      </div>
      <div className="zz-inc-legend">
        <span><i style={{ background: '#cf1322' }} />{t('incidents.map.incident')}</span>
        <span><i style={{ background: 'rgba(192,57,43,.35)', borderRadius: 2 }} />{t('incidents.map.affected')}</span>
        {Object.entries(RESOURCE_COLORS).map(([k, c]) => <span key={k}><i style={{ background: c }} />{t(`incidents.resourceKinds.${k}`)}</span>)}
      </div>
    </div>
  );
}
