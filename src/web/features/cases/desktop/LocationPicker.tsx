// Click the map (or drag the pin) to place a case: the town's grids, the pin, and the grid found there
// (or "not in any grid") from /api/org-units/locate.
import { useMemo, useRef } from 'react';
import { Spin } from 'antd';
import { AimOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api.ts';
import { PinMap } from '../../../ui/map/PinMap.tsx';
import { plainColours } from '../../../ui/map/palette.ts';
import type { UnitFeatures } from '../../org/api.ts';
import { locate, type LngLat, type Located } from '../api.ts';

export type PickState = { at: LngLat; located: Located | null; outside: boolean; loading: boolean };

interface Props { units: UnitFeatures; value: PickState | null; onChange(v: PickState): void }

export function LocationPicker({ units, value, onChange }: Props) {
  const { t } = useTranslation();
  const plain = useMemo(() => plainColours(units, '#b9cbe2'), [units]);
  const seq = useRef(0);

  const pick = (at: LngLat) => {
    const mine = ++seq.current;
    onChange({ at, located: null, outside: false, loading: true });
    locate(at).then(
      (located) => { if (mine === seq.current) onChange({ at, located, outside: false, loading: false }); },
      (err: unknown) => { if (mine === seq.current) onChange({ at, located: null, outside: err instanceof ApiError && (err.status === 404 || err.code === 'LOCATION_OUTSIDE_GRIDS'), loading: false }); },
    );
  };

  return (
    <PinMap units={plain} position={value?.at ?? null} onMove={pick} navigation padding={40} className="zz-map-inner" testId="location-picker">
      <div className="zz-pick-hint" data-testid="locate-feedback">
        {!value ? <span><AimOutlined /> {t('wcase.intake.pickHint')}</span> : null}
        {value?.loading ? <Spin size="small" /> : null}
        {value && !value.loading && value.located ? (
          <span><AimOutlined style={{ color: '#2e9e5b' }} /> {t('wcase.intake.inGrid', { name: value.located.grid.name })}</span>
        ) : null}
        {value && !value.loading && !value.located ? (
          <span style={{ color: '#c2370b' }}><WarningOutlined /> {value.outside ? t('wcase.intake.outside') : t('wcase.intake.locateFailed')}</span>
        ) : null}
        {value ? <div className="zz-muted" style={{ fontSize: 12 }}>{value.at.lng.toFixed(6)}, {value.at.lat.toFixed(6)}</div> : null}
      </div>
    </PinMap>
  );
}
