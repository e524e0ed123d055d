// 在部件处上报 on the phone: the registered things near the pin as a list to tap, nearest first, the one suggested for
// the category marked and preselected; nothing shown to those who do not read the registry (residents).
import { CheckList, DotLoading } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { thingKindLabel, useNearThings } from '../useNearThings.ts';

interface Props {
  at: { lng: number; lat: number } | null;
  categoryCode?: string | null;
  value: string | null;
  onChange(id: string | null): void;
}

export function ThingPickerMobile({ at, categoryCode, value, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const { reads, list, loading, choose } = useNearThings(at, categoryCode, value, onChange);
  if (!reads || !at) return null;
  const items = (list?.items ?? []).slice(0, 6);
  return (
    <div data-testid="thing-picker" style={{ marginTop: 10 }}>
      <div className="mc-hint" style={{ marginBottom: 4 }}>{t('thingPicker.label')} {loading ? <DotLoading /> : null}</div>
      {items.length === 0 && !loading ? <div className="mc-hint">{t('thingPicker.empty')}</div> : (
        <CheckList value={value ? [value] : []} onChange={(v) => choose((v[0] as string | undefined) ?? null)} style={{ '--border-top': 'none', '--border-bottom': 'none' }}>
          {items.map((i) => (
            <CheckList.Item key={i.id} value={i.id} description={`${thingKindLabel(i.kind, en)} · ${t('thingPicker.distance', { m: Math.round(i.distanceM) })}${i.id === list?.suggestedId ? ` · ${t('thingPicker.suggested')}` : ''}`}>
              {i.name}
            </CheckList.Item>
          ))}
        </CheckList>
      )}
    </div>
  );
}
