// Where a dispute happened: a click on the map of the reader's area (or a drag of the pin, or a place searched) sets it.
import { useEffect, useMemo, useState } from 'react';
import { Modal, Spin, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { AimOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PinMap } from '../../ui/map/PinMap.tsx';
import { plainColours } from '../../ui/map/palette.ts';
import type { Bounds } from '../../ui/map/geometry.ts';
import '../../ui/map/locales.ts';
import { PlaceSearchDesktop, useMapLook, usePlaceArea } from '../maps/public.ts';

export type LngLat = { lng: number; lat: number };

export function PointModal({ open, value, onClose, onPick }: { open: boolean; value: LngLat | null; onClose(): void; onPick(at: LngLat): void }) {
  const { t } = useTranslation();
  const { area } = usePlaceArea(false, open);
  const look = useMapLook();
  const plain = useMemo(() => (area ? plainColours(area.units, '#b9cbe2') : null), [area]);
  const [at, setAt] = useState<LngLat | null>(value);
  useEffect(() => { if (open) setAt(value); }, [open, value]);
  return (
    <Modal
      open={open} onCancel={onClose} width={780} destroyOnHidden title={t('disputes.form.pickTitle')}
      okText={t('disputes.form.pickOk')} cancelText={t('disputes.form.cancel')} okButtonProps={{ disabled: !at, 'data-testid': 'dispute-point-ok' } as ButtonProps}
      onOk={() => { if (at) { onPick(at); onClose(); } }} data-testid="dispute-point-modal"
    >
      <div className="zz-dispute-map">
        {!plain ? <div className="zz-map-inner" style={{ display: 'grid', placeItems: 'center' }}><Spin /></div> : (
          <PinMap look={look} units={plain} position={at} focus={area?.focus?.bounds as Bounds | undefined} onMove={setAt} navigation padding={40} className="zz-map-inner" testId="dispute-map">
            <PlaceSearchDesktop onPick={(p) => setAt(p.at)} />
            <div className="zz-dispute-pick-hint">
              <AimOutlined /> {t('disputes.form.pickHint')}
              {at ? <div><Typography.Text type="secondary" className="zz-code" style={{ fontSize: 12 }}>{at.lng.toFixed(6)}, {at.lat.toFixed(6)}</Typography.Text></div> : null}
            </div>
          </PinMap>
        )}
      </div>
    </Modal>
  );
}
