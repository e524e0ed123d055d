// The address search on the phone: a search bar over the report map, its places in a list below it; picking one
// moves the pin there.
import { useState } from 'react';
import { DotLoading, List, SearchBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/api.ts';
import type { Place } from './api.ts';
import { usePlaceSearch } from './usePlace.ts';
import '../../ui/map/locales.ts';

export function PlaceSearchMobile({ anonymous, onPick }: { anonymous: boolean; onPick(p: Place): void }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const found = usePlaceSearch(open ? text : '', anonymous);
  const pick = (p: Place) => { setText(p.name); setOpen(false); onPick(p); };
  return (
    <div className="zz-place-search-m" data-testid="place-search">
      <SearchBar placeholder={t('map.searchPlaceholder')} value={text} maxLength={60} style={{ '--height': '38px' }}
        onChange={(v) => { setText(v); setOpen(true); }} onClear={() => setOpen(false)}
        onSearch={() => { const first = found.items[0]; if (first) pick(first); }} />
      {open && text.trim() ? (
        <div className="zz-place-results-m" data-testid="place-results">
          {found.loading ? <div className="zz-place-note"><DotLoading /> {t('map.searching')}</div>
            : found.error ? <div className="zz-place-note">{errorText(found.error, i18n.language) || t('map.searchFailed')}</div>
            : found.items.length === 0 ? <div className="zz-place-note">{t('map.noPlace')}</div>
            : (
              <List style={{ '--font-size': '15px' }}>
                {found.items.map((p) => (
                  <List.Item key={p.key} onClick={() => pick(p)} arrow={false} data-testid="place-result"
                    description={[t(`map.kinds.${p.kind}`, { defaultValue: '' }), p.context, p.source === 'tianditu' ? t('map.fromGeocoder') : ''].filter(Boolean).join(' · ')}>
                    {p.name}
                  </List.Item>
                ))}
              </List>
            )}
        </div>
      ) : null}
    </div>
  );
}
