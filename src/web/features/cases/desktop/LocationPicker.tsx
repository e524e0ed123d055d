// Click the map (or drag the pin, or search a place) to place a case: the dispatcher's town (their own area) with
// its grids, the pin, and the grid found there from /api/org-units/locate — or "not in any grid" with the offer to
// move to the nearest grid.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Spin } from 'antd';
import { AimOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api.ts';
import { PinMap } from '../../../ui/map/PinMap.tsx';
import { plainColours } from '../../../ui/map/palette.ts';
import { nearestGrid } from '../../../ui/map/grids.ts';
import '../../../ui/map/locales.ts';
import { PlaceSearchDesktop, useMapLook, usePlaceArea } from '../../maps/public.ts';
import type { Bounds } from '../../../ui/map/geometry.ts';
import { locate, type LngLat, type Located } from '../api.ts';

export type PickState = { at: LngLat; located: Located | null; outside: boolean; loading: boolean };

interface Props { value: PickState | null; onChange(v: PickState): void }

export function LocationPicker({ value, onChange }: Props) {
  const { t } = useTranslation();
  const { area } = usePlaceArea(false);
  const look = useMapLook();
  const plain = useMemo(() => (area ? plainColours(area.units, '#b9cbe2') : null), [area]);
  const seq = useRef(0);
  const [placeName, setPlaceName] = useState<string | null>(null);

  const pick = (at: LngLat, name: string | null = null) => {
    const mine = ++seq.current;
    setPlaceName(name);
    onChange({ at, located: null, outside: false, loading: true });
    locate(at).then(
      (located) => { if (mine === seq.current) onChange({ at, located, outside: false, loading: false }); },
      (err: unknown) => { if (mine === seq.current) onChange({ at, located: null, outside: err instanceof ApiError && (err.status === 404 || err.code === 'LOCATION_OUTSIDE_GRIDS'), loading: false }); },
    );
  };
  // a form reset (value back to null) leaves the pin out until the next click
  useEffect(() => { if (!value) setPlaceName(null); }, [value]);
  const nearest = value && value.outside ? nearestGrid(plain, value.at) : null;

  if (!area || !plain) return <div className="zz-map-inner" style={{ display: 'grid', placeItems: 'center' }}><Spin /></div>;
  return (
    <PinMap look={look} units={plain} position={value?.at ?? null} focus={area.focus?.bounds as Bounds | undefined} onMove={(at) => pick(at)}
      navigation padding={40} className="zz-map-inner" testId="location-picker">
      <PlaceSearchDesktop onPick={(p) => pick(p.at, p.name)} />
      <div className="zz-pick-hint" data-testid="locate-feedback">
        {!value ? <span><AimOutlined /> {t('wcase.intake.pickHint')}</span> : null}
        {value?.loading ? <Spin size="small" /> : null}
        {value && !value.loading && value.located ? (
          <span><AimOutlined style={{ color: '#2e9e5b' }} /> {placeName ? `${placeName} · ` : ''}{t('wcase.intake.inGrid', { name: value.located.grid.name })}</span>
        ) : null}
        {value && !value.loading && !value.located ? (
          <span style={{ color: '#c2370b' }}><WarningOutlined /> {value.outside ? t('wcase.intake.outside') : t('wcase.intake.locateFailed')}</span>
        ) : null}
        {nearest ? (
          <div style={{ marginTop: 6 }}>
            <Button size="small" onClick={() => pick(nearest.at, nearest.area.name)} data-testid="snap-to-grid">
              {t('map.snap')}：{nearest.area.name}{t('map.snapDistance', { m: Math.max(1, Math.round(nearest.distanceM)) })}
            </Button>
          </div>
        ) : null}
        {value ? <div className="zz-muted" style={{ fontSize: 12 }}>{value.at.lng.toFixed(6)}, {value.at.lat.toFixed(6)}</div> : null}
      </div>
    </PinMap>
  );
}
