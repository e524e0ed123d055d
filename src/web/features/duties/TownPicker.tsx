// The town whose lists a page shows, for readers whose scope spans several (the admin, a district department).
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';

export function TownPicker({ towns, value, onChange }: { towns: { id: string; name: string }[] | undefined; value: string | undefined; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  if (!towns || towns.length < 2) return null;
  return (
    <Select style={{ width: 180 }} placeholder={t('duties.chooseTown')} value={value} onChange={onChange} data-testid="duty-town"
      options={towns.map((x) => ({ value: x.id, label: x.name }))} />
  );
}
