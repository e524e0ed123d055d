// A care device in the household file on the phone: its name and type, who wears it, whether it is heard, its battery
// and the alarms that stand.
import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { HouseholdFile } from './api.ts';

type Device = HouseholdFile['devices'][number];
const STATE_COLORS = { online: 'success', offline: 'danger', never: 'default' } as const;

export function DeviceRow({ d, members }: { d: Device; members: HouseholdFile['members'] }) {
  const { t } = useTranslation();
  const wearer = d.residentId ? members.find((m) => m.id === d.residentId)?.name : undefined;
  return (
    <div className="mr-case" data-testid="household-device">
      <div className="mr-hazard-top">
        <span style={{ fontWeight: 600 }}>{d.name}</span>
        <Tag color={STATE_COLORS[d.state]} fill="outline">{t(`mreg.household.device.states.${d.state}`)}</Tag>
      </div>
      <div className="mc-hint">
        {[
          t(`mreg.household.device.types.${d.type}`, { defaultValue: d.type }),
          wearer ? t('mreg.household.device.wornBy', { name: wearer }) : null,
          d.battery !== null ? t('mreg.household.device.battery', { n: d.battery }) : null,
        ].filter(Boolean).join(' · ')}
      </div>
      {d.activeAlarms > 0 ? <div style={{ color: 'var(--adm-color-danger)' }}>{t('mreg.household.device.alarms', { n: d.activeAlarms })}</div> : null}
    </div>
  );
}
