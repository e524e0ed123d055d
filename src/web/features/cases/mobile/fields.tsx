// Form pieces shared by the signed-in report and the anonymous one: the category picker and the position field
// (the map on the user's area, the place search, the nearest grid for a point outside every grid).
import { useEffect, useMemo, useState } from 'react';
import { Button, DotLoading, ErrorBlock, List, Popup, SearchBar, Tag } from 'antd-mobile';
import { EnvironmentOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText } from '../../../lib/api.ts';
import type { UnitFeatures } from '../../org/api.ts';
import { PinMap } from '../../../ui/map/PinMap.tsx';
import { gridAt, nearestGrid } from '../../../ui/map/grids.ts';
import '../../../ui/map/locales.ts';
import { PlaceSearchMobile, useMapLook, usePlaceArea } from '../../maps/public.ts';
import type { Bounds } from '../../../ui/map/geometry.ts';
import { colourFeatures, communityColors, plainColours } from '../../../ui/map/palette.ts';
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

/** Where the pin came from, for a hint that says what is on screen. */
type PinOrigin = { kind: 'start'; name: string } | { kind: 'gps' } | { kind: 'moved' } | { kind: 'place'; name: string };

/**
 * The position of the problem: the map opens on the user's own area (home grid, grid, community or town; the
 * default town when anonymous) with the pin in its middle; GPS moves it when it answers; a drag, a tap or a place
 * found by the search moves it too. With `lookup`, each new position is located to its grid (signed-in users only;
 * the anonymous page checks against the grids drawn and leaves the rest to the server at submit). A point outside
 * every grid says so and offers the nearest grid. A page with a map of its own (registration: the community around
 * the pin) passes its `features` instead: no area, no search.
 */
export function PositionField({ anonymous = false, features: given, lookup, value, onChange, onLocated }: {
  anonymous?: boolean; features?: UnitFeatures | null; lookup: boolean; value: LngLat | null; onChange(at: LngLat): void; onLocated?: (s: LocateState) => void;
}) {
  const { t, i18n } = useTranslation();
  const { state: geo, relocate } = useGeolocation();
  const [loc, setLoc] = useState<LocateState>({ kind: 'idle' });
  const [fallback] = useState(() => lastPosition());
  const [origin, setOrigin] = useState<PinOrigin | null>(null);
  const ownMap = given !== undefined;
  const { area } = usePlaceArea(anonymous, !ownMap);
  const look = useMapLook();
  const features = ownMap ? given : area?.units ?? null;
  // a grid worker's scope may hold no community: its grids get the civic blue instead of the grey fallback
  const units = useMemo(() => (!features ? null : features.features.some((f) => f.properties.level === 'community')
    ? colourFeatures(features, communityColors(features)) : plainColours(features, '#5b8ff9')), [features]);
  const move = (at: LngLat, from: PinOrigin) => { setOrigin(from); onChange(at); };

  // a fresh GPS fix becomes the position
  useEffect(() => { if (geo.kind === 'ok') move(geo.at, { kind: 'gps' }); }, [geo]); // eslint-disable-line react-hooks/exhaustive-deps
  // without a position yet, the pin starts in the middle of the user's area
  useEffect(() => {
    if (area?.focus && !value && geo.kind !== 'ok') move(area.focus.at, { kind: 'start', name: area.focus.name });
  }, [area]); // eslint-disable-line react-hooks/exhaustive-deps

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
  // outside: the server said so (signed in), or no grid drawn holds the point (anonymous)
  const outside = !!value && (lookup ? loc.kind === 'outside' : !!units && !gridAt(units, value));
  const nearest = outside && value && !ownMap ? nearestGrid(units, value) : null;
  const hint = geo.kind === 'locating' && !value ? t('mcase.form.locating')
    : origin?.kind === 'gps' && geo.kind === 'ok' ? `${t('mcase.form.located', { m: geo.accuracyM })} · ${t('mcase.form.dragHint')}`
    : origin?.kind === 'start' ? (anonymous ? t('map.pinStartPublic') : t('map.pinStart', { name: origin.name }))
    : origin?.kind === 'place' ? t('map.pinPlace', { name: origin.name })
    : origin?.kind === 'moved' ? t('map.pinMoved')
    : null;
  return (
    <div data-testid="position-field">
      {ownMap ? null : <PlaceSearchMobile anonymous={anonymous} onPick={(p) => move(p.at, { kind: 'place', name: p.name })} />}
      <div style={{ position: 'relative' }}>
        <PinMap look={look} units={units} position={value} fallbackCenter={fallback} focus={area?.focus?.bounds as Bounds | undefined} focusId={area?.focus?.id}
          onMove={(at) => move(at, { kind: 'moved' })} className="mc-map" testId="position-map" />
        <div className="mc-map-locate">
          <Button size="mini" shape="rounded" onClick={relocate} loading={geo.kind === 'locating'} data-testid="relocate">
            <EnvironmentOutlined /> {t('mcase.form.relocate')}
          </Button>
        </div>
      </div>
      <div className="mc-hint" style={{ marginTop: 6 }} data-testid="pin-hint">{hint}</div>
      {geo.kind === 'failed' ? (
        <div className="mc-hint" data-testid="gps-failed">{t('mcase.form.gpsDenied', { why: t(`mcase.geo.${geo.reason}`) })}</div>
      ) : null}
      {lookup ? (
        <div className="mc-loc-line" data-testid="grid-line">
          <span className="mc-hint">{t('mcase.form.grid')}：</span>
          {!value ? <span className="mc-hint">—</span>
            : loc.kind === 'looking' || loc.kind === 'idle' ? <span className="mc-hint">{t('mcase.form.lookingUp')}</span>
            : loc.kind === 'ok' ? <strong data-testid="grid-name">{community && !loc.located.grid.name.startsWith(community.name) ? `${community.name} · ` : ''}{loc.located.grid.name}</strong>
            : <span className="mc-error" data-testid="grid-outside">{loc.message}</span>}
        </div>
      ) : outside && !ownMap ? <div className="mc-error" data-testid="grid-outside">{t('map.outsideShown')}</div> : ownMap && !features ? <div className="mc-hint" style={{ marginTop: 4 }}>{t('mcase.form.noMapGrids')}</div> : null}
      {nearest ? (
        <div className="zz-map-snap">
          <Button size="small" color="primary" fill="outline" data-testid="snap-to-grid" onClick={() => move(nearest.at, { kind: 'place', name: nearest.area.name })}>
            {t('map.snap')}：{nearest.area.name}{t('map.snapDistance', { m: Math.max(1, Math.round(nearest.distanceM)) })}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
