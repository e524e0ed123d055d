// Where something is: a click on the map of the reader's area (or a drag of the pin, or a place searched) sets the
// point. The texts are the calling feature's (what is being placed); `testId` names the modal, its map and its OK button.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Modal, Spin, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { AimOutlined } from '@ant-design/icons';
import { PinMap } from '../../ui/map/PinMap.tsx';
import { plainColours } from '../../ui/map/palette.ts';
import type { Bounds } from '../../ui/map/geometry.ts';
import '../../ui/map/locales.ts';
import { PlaceSearchDesktop } from './PlaceSearchDesktop.tsx';
import { useMapLook } from './useMapLook.ts';
import { usePlaceArea } from './usePlace.ts';
import './point-picker.css';

export type LngLat = { lng: number; lat: number };

export interface PointPickerModalProps {
  open: boolean;
  value: LngLat | null;
  onClose(): void;
  onPick(at: LngLat): void;
  title: ReactNode;
  hint: ReactNode;
  okText: string;
  cancelText: string;
  /** `<testId>-modal`, `<testId>-ok`; the map is `mapTestId` */
  testId: string;
  mapTestId: string;
}

export function PointPickerModal({ open, value, onClose, onPick, title, hint, okText, cancelText, testId, mapTestId }: PointPickerModalProps) {
  const { area } = usePlaceArea(false, open);
  const look = useMapLook();
  const plain = useMemo(() => (area ? plainColours(area.units, '#b9cbe2') : null), [area]);
  const [at, setAt] = useState<LngLat | null>(value);
  useEffect(() => { if (open) setAt(value); }, [open, value]);
  return (
    <Modal
      open={open} onCancel={onClose} width={780} destroyOnHidden title={title}
      okText={okText} cancelText={cancelText} okButtonProps={{ disabled: !at, 'data-testid': `${testId}-ok` } as ButtonProps}
      onOk={() => { if (at) { onPick(at); onClose(); } }} data-testid={`${testId}-modal`}
    >
      <div className="zz-point-map">
        {!plain ? <div className="zz-map-inner" style={{ display: 'grid', placeItems: 'center' }}><Spin /></div> : (
          <PinMap look={look} units={plain} position={at} focus={area?.focus?.bounds as Bounds | undefined} onMove={setAt} navigation padding={40} className="zz-map-inner" testId={mapTestId}>
            <PlaceSearchDesktop onPick={(p) => setAt(p.at)} />
            <div className="zz-point-pick-hint">
              <AimOutlined /> {hint}
              {at ? <div><Typography.Text type="secondary" className="zz-code" style={{ fontSize: 12 }}>{at.lng.toFixed(6)}, {at.lat.toFixed(6)}</Typography.Text></div> : null}
            </div>
          </PinMap>
        )}
      </div>
    </Modal>
  );
}
