// Form pieces shared by the signed-in report and the anonymous one: the category picker and the position field.
import { useEffect, useMemo, useState } from 'react';
import { Button, DotLoading, ErrorBlock, List, Popup, SearchBar, Tag } from 'antd-mobile';
import { EnvironmentOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText } from '../../../lib/api.ts';
import { PinMap } from '../../../ui/map/PinMap.tsx';
import { colourFeatures, communityColors, plainColours } from '../../../ui/map/palette.ts';
import type { UnitFeatures } from '../../org/api.ts';
import { locate, type LngLat, type Located, type Matter } from '../api.ts';
import { lastPosition, useGeolocation } from './useGeolocation.ts';

export type CategoryOption = Pick<Matter, 'code' | 'name' | 'class'> & Partial<Pick<Matter, 'tier' | 'onSpot' | 'urgent'>>;

export function CategoryTags({ m }: { m: CategoryOption }) {
  const { t } = useTranslation();
  return (
    <span className="mc-tags">
      <Tag color="default" fill="outline">{m.code}</Tag>
      {m.tier ? <Tag color="primary" fill="outline">{t(`mcase.tiers.${m.tier}`)}</Tag> : null}
      {m.onSpot ? <Tag color="success" fill="outline">{t('mcase.form.onSpot')}</Tag> : null}
      {m.urgent ? <Tag color="danger" fill="outline">{t('mcase.form.urgent')}</Tag> : null}
    </span>
  );
}

/** A tappable field that opens a full-height sheet with a search bar and the categories grouped by class. */
export function CategoryPicker({ options, value, onChange, loading, error, onRetry }: {
  options: CategoryOption[]; value: CategoryOption | null; onChange(m: CategoryOption): void; loading?: boolean; error?: unknown; onRetry?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const groups = useMemo(() => {
    const needle = q.trim().toLowerCase();
    const hits = options.filter((m) => !needle || m.name.toLowerCase().includes(needle) || m.code.toLowerCase().includes(needle) || m.class.toLowerCase().includes(needle));
    const byClass = new Map<string, CategoryOption[]>();
    for (const m of hits) byClass.set(m.class, [...(byClass.get(m.class) ?? []), m]);
    return [...byClass.entries()];
  }, [options, q]);

  return (
    <>
      <div className="mc-category-pick" role="button" tabIndex={0} data-testid="category-field"
        onClick={() => setOpen(true)} onKeyDown={(e) => { if (e.key === 'Enter') setOpen(true); }}>
        {value ? (
          <div>
            <div className="mc-category-name" data-testid="category-value">{value.name}</div>
            <CategoryTags m={value} />
          </div>
        ) : <span className="mc-placeholder">{t('mcase.form.categoryPlaceholder')}</span>}
        <span className="mc-hint" style={{ display: 'flex', alignItems: 'center', gap: 2 }}>{value ? t('mcase.form.change') : null}<RightOutlined /></span>
      </div>
      <Popup visible={open} onMaskClick={() => setOpen(false)} onClose={() => setOpen(false)} position="bottom" showCloseButton
        bodyStyle={{ height: '82vh', borderTopLeftRadius: 14, borderTopRightRadius: 14, display: 'flex', flexDirection: 'column' }}>
        <div className="mc-popup-title" style={{ padding: '14px 0 8px' }}>{t('mcase.form.category')}</div>
        <div style={{ padding: '0 12px 8px' }}>
          <SearchBar placeholder={t('mcase.form.searchCategory')} value={q} onChange={setQ} data-testid="category-search" style={{ '--height': '40px' }} />
        </div>
        <div style={{ flex: 1, overflow: 'auto' }} data-testid="category-list">
          {loading ? <div style={{ textAlign: 'center', padding: 32 }}><DotLoading /></div>
            : error ? <ErrorBlock status="default" title={errorText(error, i18n.language)} description={onRetry ? <Button size="small" onClick={onRetry}>{t('mcase.common.retry')}</Button> : ''} />
            : groups.length === 0 ? <ErrorBlock status="empty" title={t('mcase.form.noCategory')} description="" />
            : groups.map(([cls, items]) => (
              <List key={cls} header={cls} mode="card" style={{ margin: '6px 12px' }}>
                {items.map((m) => (
                  <List.Item key={m.code} onClick={() => { onChange(m); setOpen(false); setQ(''); }} arrow={false}
                    description={<CategoryTags m={m} />} data-testid={`category-${m.code}`}
                    extra={value?.code === m.code ? <span style={{ color: '#d2402f' }}>✓</span> : null}>
                    <span style={{ fontSize: 16 }}>{m.name}</span>
                  </List.Item>
                ))}
              </List>
            ))}
        </div>
      </Popup>
    </>
  );
}

export type LocateState = { kind: 'idle' } | { kind: 'looking' } | { kind: 'ok'; located: Located } | { kind: 'outside'; message: string } | { kind: 'error'; message: string };

/**
 * The position of the problem: GPS first, then the pin to correct it. With `lookup`, each new position is
 * located to its grid (signed-in users only; the anonymous page leaves that to the server at submit).
 */
export function PositionField({ features, lookup, value, onChange, onLocated }: {
  features: UnitFeatures | null; lookup: boolean; value: LngLat | null; onChange(at: LngLat): void; onLocated?: (s: LocateState) => void;
}) {
  const { t, i18n } = useTranslation();
  const { state: geo, relocate } = useGeolocation();
  const [loc, setLoc] = useState<LocateState>({ kind: 'idle' });
  const [fallback] = useState(() => lastPosition());
  // a grid worker's scope may hold no community: its grids get the civic blue instead of the grey fallback
  const units = useMemo(() => (!features ? null : features.features.some((f) => f.properties.level === 'community')
    ? colourFeatures(features, communityColors(features)) : plainColours(features, '#5b8ff9')), [features]);

  // a fresh GPS fix becomes the position
  useEffect(() => { if (geo.kind === 'ok') onChange(geo.at); }, [geo]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!lookup || !value) return;
    const ctrl = new AbortController();
    setLoc({ kind: 'looking' });
    const timer = setTimeout(() => {
      locate(value, ctrl.signal).then(
        (located) => setLoc({ kind: 'ok', located }),
        (e: unknown) => {
          if (ctrl.signal.aborted) return;
          if (e instanceof ApiError && e.code === 'LOCATION_OUTSIDE_GRIDS') setLoc({ kind: 'outside', message: t('mcase.form.outside') });
          else setLoc({ kind: 'error', message: errorText(e, i18n.language) });
        },
      );
    }, 250);
    return () => { clearTimeout(timer); ctrl.abort(); };
  }, [lookup, value?.lng, value?.lat]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => { onLocated?.(loc); }, [loc]); // eslint-disable-line react-hooks/exhaustive-deps

  const community = loc.kind === 'ok' ? loc.located.ancestors.find((a) => a.level === 'community') : undefined;
  return (
    <div data-testid="position-field">
      <div style={{ position: 'relative' }}>
        <PinMap units={units} position={value} fallbackCenter={fallback} onMove={onChange} className="mc-map" testId="position-map" />
        <div className="mc-map-locate">
          <Button size="mini" shape="rounded" onClick={relocate} loading={geo.kind === 'locating'} data-testid="relocate">
            <EnvironmentOutlined /> {t('mcase.form.relocate')}
          </Button>
        </div>
      </div>
      <div className="mc-hint" style={{ marginTop: 6 }}>
        {geo.kind === 'locating' ? t('mcase.form.locating')
          : geo.kind === 'ok' ? `${t('mcase.form.located', { m: geo.accuracyM })} · ${t('mcase.form.dragHint')}`
          : null}
      </div>
      {geo.kind === 'failed' ? (
        <div className="mc-error" data-testid="gps-failed">{t('mcase.form.gpsDenied', { why: t(`mcase.geo.${geo.reason}`) })}</div>
      ) : null}
      {lookup ? (
        <div className="mc-loc-line" data-testid="grid-line">
          <span className="mc-hint">{t('mcase.form.grid')}：</span>
          {!value ? <span className="mc-hint">—</span>
            : loc.kind === 'looking' || loc.kind === 'idle' ? <span className="mc-hint">{t('mcase.form.lookingUp')}</span>
            : loc.kind === 'ok' ? <strong data-testid="grid-name">{community && !loc.located.grid.name.startsWith(community.name) ? `${community.name} · ` : ''}{loc.located.grid.name}</strong>
            : <span className="mc-error" data-testid="grid-outside">{loc.message}</span>}
        </div>
      ) : !features ? <div className="mc-hint" style={{ marginTop: 4 }}>{t('mcase.form.noMapGrids')}</div> : null}
    </div>
  );
}
