// The address search on the desk: a search box over the map, its places as suggestions; picking one moves the pin.
import { useState } from 'react';
import { AutoComplete, Input, Spin } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/api.ts';
import type { Place } from './api.ts';
import { usePlaceSearch } from './usePlace.ts';
import '../../ui/map/locales.ts';

export function PlaceSearchDesktop({ onPick }: { onPick(p: Place): void }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  // open while typing; a pick closes the list until the next keystroke
  const [open, setOpen] = useState(false);
  const found = usePlaceSearch(open ? text : '', false);
  const options = found.items.map((p) => ({
    value: p.key,
    label: (
      <div data-testid="place-result">
        <div>{p.name}</div>
        <div className="zz-muted" style={{ fontSize: 12 }}>
          {[t(`map.kinds.${p.kind}`, { defaultValue: '' }), p.context, p.source === 'tianditu' ? t('map.fromGeocoder') : ''].filter(Boolean).join(' · ')}
        </div>
      </div>
    ),
  }));
  const note = found.loading ? <span><Spin size="small" /> {t('map.searching')}</span>
    : found.error ? errorText(found.error, i18n.language) || t('map.searchFailed')
    : text.trim() ? t('map.noPlace') : null;
  return (
    <div className="zz-place-search" data-testid="place-search">
      <AutoComplete value={text} options={options} onChange={(v: string) => { if (found.items.some((p) => p.key === v)) return; /* the pick itself: onSelect */ setText(v); setOpen(true); }} style={{ width: '100%' }}
        open={open && !!text.trim()} onBlur={() => setOpen(false)}
        notFoundContent={note} popupMatchSelectWidth={360}
        onSelect={(key: string) => { const p = found.items.find((x) => x.key === key); if (p) { setText(p.name); setOpen(false); onPick(p); } }}>
        <Input prefix={<SearchOutlined />} placeholder={t('map.searchPlaceholder')} allowClear maxLength={60} />
      </AutoComplete>
    </div>
  );
}
