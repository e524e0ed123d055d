// The care devices of a household file (一户一档): each device bound to the household or to one of its members, with
// its type, whom it is worn by, its state, battery and standing alarms; a click opens the device's page.
import { Badge, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DeviceState } from '../../../shared/devices.ts';
import { Battery, StateTag } from './parts.tsx';
import './locales.ts';

export interface HouseholdDevice {
  id: string;
  name: string;
  type: string;
  boundTo: 'household' | 'resident';
  residentId: string | null;
  state: DeviceState;
  battery: number | null;
  lastSeenAt: string | null;
  activeAlarms: number;
}

export function HouseholdDevices({ items, members }: { items: readonly HouseholdDevice[]; members: readonly { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const wearer = (d: HouseholdDevice) => (d.residentId ? members.find((m) => m.id === d.residentId)?.name ?? null : null);
  return (
    <List
      size="small" dataSource={[...items]} rowKey="id" data-testid="household-device-list"
      renderItem={(d) => (
        <List.Item>
          <Space size={8} wrap>
            <Link to={`/devices/${d.id}`}>{d.name}</Link>
            <Typography.Text type="secondary">
              {t(`devices.types.${d.type}`, { defaultValue: d.type })}
              {wearer(d) ? ` · ${t('devices.household.wornBy', { name: wearer(d) })}` : ''}
            </Typography.Text>
            <StateTag state={d.state} lastSeenAt={d.lastSeenAt} />
            <Battery value={d.battery} />
            {d.activeAlarms > 0 ? <Badge color="red" text={t('devices.household.alarms', { n: d.activeAlarms })} /> : null}
          </Space>
        </List.Item>
      )}
    />
  );
}
