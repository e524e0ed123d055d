// Picks the registry record a device is bound to (a resident, a household, a place) through the registry's own list
// search, so only records the caller sees are offered; names as the registry shows them (masked where it masks).
import { useEffect, useState } from 'react';
import { Select, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeviceBindingKind } from '../../../shared/devices.ts';
import { listRecords, type Household, type Place, type Resident } from '../registry/api.ts';

const REGISTRY_KIND = { resident: 'residents', household: 'households', place: 'places' } as const;

interface Option { value: string; label: string }

function optionOf(kind: DeviceBindingKind, r: Resident | Household | Place): Option {
  switch (kind) {
    case 'resident': { const x = r as Resident; return { value: x.id, label: [x.name, x.householdAddress, x.gridName].filter(Boolean).join(' · ') }; }
    case 'household': { const x = r as Household; return { value: x.id, label: [x.address, x.headName, x.gridName].filter(Boolean).join(' · ') }; }
    case 'place': { const x = r as Place; return { value: x.id, label: [x.name, x.address, x.gridName].filter(Boolean).join(' · ') }; }
  }
}

export function BindingPicker({ kind, value, onChange }: { kind: DeviceBindingKind; value?: string; onChange?: (id: string | undefined) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  // another kind: the last kind's records must not stay on offer while the new search runs
  useEffect(() => { setOptions([]); setQ(''); }, [kind]);
  useEffect(() => {
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      listRecords<Resident | Household | Place>(REGISTRY_KIND[kind], { q: q.trim() || undefined }, 1, 20, ctrl.signal).then(
        (page) => { setOptions(page.items.map((r) => optionOf(kind, r))); setLoading(false); },
        () => { if (!ctrl.signal.aborted) { setOptions([]); setLoading(false); } },
      );
    }, 300);
    return () => { clearTimeout(timer); ctrl.abort(); };
  }, [kind, q]);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }} allowClear value={value} onChange={onChange} options={options} data-testid="binding-picker"
      placeholder={t('devices.form.bindingHint')} notFoundContent={loading ? <Spin size="small" /> : t('devices.form.noMatch')}
    />
  );
}
