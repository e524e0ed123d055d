// 台账查询 (/m/registry): one search box for name, pinyin initials, ID number, phone or address; quick filters by
// key-population tag; residents as a list paged as the grid worker scrolls, and the grid's buildings on a second tab.
// The words and the tags stay in the address (?q=&tag=&tab=), so coming back from a household file finds them again.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Button, DotLoading, ErrorBlock, InfiniteScroll, SearchBar, Tabs } from 'antd-mobile';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MobilePage } from '../../cases/public.ts';
import { errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { fetchTags, searchBuildings, searchResidents, type Building, type Resident } from './api.ts';
import { useCall } from './call.tsx';
import { ResidentRow, ResidentSheet, type TagNames } from './resident-ui.tsx';
import { residentSearchOf } from './search-input.ts';
import { sortTags, tagColor, tagName, TAG_ORDER } from './tags.ts';
import './locales.ts';
import './registry-mobile.css';

type Tab = 'residents' | 'buildings';

export function useTagNames(): { names: TagNames; codes: string[] } {
  const tags = useApi((signal) => fetchTags(signal), []);
  return useMemo(() => {
    const items = tags.data?.items ?? [];
    const names = new Map(items.map((x) => [x.code, x]));
    // the chips: the tags this reader sees (the catalog leaves out the sensitive ones for those who may not), most pressing first
    const codes = items.length > 0 ? sortTags(items.map((x) => x.code)) : [...TAG_ORDER];
    return { names, codes };
  }, [tags.data]);
}

export function RegistrySearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'buildings' ? 'buildings' : 'residents';
  const q = params.get('q') ?? '';
  const tags = useMemo(() => params.getAll('tag'), [params]);
  const [typed, setTyped] = useState(q);
  const { names, codes } = useTagNames();

  const update = (next: { q?: string; tags?: (prev: string[]) => string[]; tab?: Tab }) => {
    setParams((prev) => {
      const p = new URLSearchParams();
      const ntab = next.tab ?? (prev.get('tab') === 'buildings' ? 'buildings' : 'residents');
      const nq = next.q ?? prev.get('q') ?? '';
      const nt = next.tags ? next.tags(prev.getAll('tag')) : prev.getAll('tag');
      if (ntab !== 'residents') p.set('tab', ntab);
      if (nq) p.set('q', nq);
      for (const x of nt) p.append('tag', x);
      return p;
    }, { replace: true });
  };

  // search as the worker types, once the typing pauses; through the latest render's update, so that a search firing
  // after the pause keeps a tag chosen meanwhile
  const latest = useRef(update);
  latest.current = update;
  useEffect(() => {
    if (typed.trim() === q) return;
    const timer = setTimeout(() => latest.current({ q: typed.trim() }), 350);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed]);

  const toggleTag = (code: string) => update({ tags: (now) => (now.includes(code) ? now.filter((x) => x !== code) : sortTags([...now, code])) });

  return (
    <MobilePage title={t('mreg.title.search')} testId="registry-search-page">
      <div className="mr-search">
        <SearchBar placeholder={t('mreg.search.placeholder')} value={typed} onChange={setTyped} onSearch={(v) => update({ q: v.trim() })}
          onClear={() => update({ q: '' })} data-testid="registry-search" />
        <div className="mr-tabs">
          <Tabs activeKey={tab} onChange={(k) => update({ tab: k as Tab })}
            style={{ '--title-font-size': '15px', '--active-line-color': '#d2402f', '--active-title-color': '#d2402f' }}>
            <Tabs.Tab key="residents" title={<span data-testid="tab-residents">{t('mreg.search.residents')}</span>} />
            <Tabs.Tab key="buildings" title={<span data-testid="tab-buildings">{t('mreg.search.buildings')}</span>} />
          </Tabs>
        </div>
        {tab === 'residents' ? (
          <div className="mr-chips" data-testid="tag-chips">
            <button type="button" className={`mr-chip${tags.length === 0 ? ' mr-on' : ''}`} style={tags.length === 0 ? { background: '#d2402f' } : undefined}
              onClick={() => update({ tags: () => [] })} data-testid="chip-all">{t('mreg.search.all')}</button>
            {codes.map((c) => {
              const on = tags.includes(c);
              return (
                <button type="button" key={c} className={`mr-chip${on ? ' mr-on' : ''}`} style={on ? { background: tagColor(c) } : undefined}
                  onClick={() => toggleTag(c)} data-testid="chip" data-tag={c} aria-pressed={on}>
                  <i style={{ background: tagColor(c) }} />{tagName(t, c, names.get(c))}
                </button>
              );
            })}
          </div>
        ) : <div style={{ height: 4 }} />}
      </div>
      {tab === 'residents'
        ? <ResidentResults key={`${q}|${tags.join(',')}`} q={q} tags={tags} names={names} />
        : <BuildingResults key={q} q={q} />}
    </MobilePage>
  );
}

/** Pages of a list loaded as the reader scrolls: page numbers, the total when the API counts it. */
function usePages<T>(load: (page: number) => Promise<{ items: T[]; total: number | null; nextCursor: string | null }>) {
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [hasMore, setHasMore] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [first, setFirst] = useState(true);
  const next = useRef(1);
  const loadMore = useCallback(async () => {
    try {
      const page = await load(next.current);
      next.current += 1;
      setItems((xs) => (page.items.length ? [...xs, ...page.items] : xs));
      setTotal(page.total);
      setHasMore(!!page.nextCursor && page.items.length > 0);
    } catch (e) {
      setError(e); setHasMore(false);
    } finally {
      setFirst(false);
    }
  }, [load]);
  const retry = () => { setError(null); setHasMore(true); setFirst(true); next.current = 1; setItems([]); };
  return { items, total, hasMore, error, first, loadMore, retry };
}

function Loading() {
  return <div style={{ textAlign: 'center', padding: 40 }}><DotLoading color="primary" /></div>;
}

/** A paged list's states: an error with a retry, an empty state, the count and the rows, more as the reader scrolls. */
function PagedResults<T>({ list, empty, count, children }: { list: ReturnType<typeof usePages<T>>; empty: ReactNode; count: ReactNode; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {list.error && list.items.length === 0 ? (
        <ErrorBlock status="default" title={errorText(list.error, i18n.language)}
          description={<Button size="small" onClick={list.retry}>{t('mreg.common.retry')}</Button>} />
      ) : !list.first && list.items.length === 0 ? (
        <div className="mc-card" data-testid="registry-empty">{empty}</div>
      ) : list.items.length > 0 ? (
        <>
          {count !== null ? <div className="mr-count" data-testid="registry-count">{count}</div> : null}
          {children}
        </>
      ) : null}
      {list.first && !list.error ? <Loading /> : null}
      {!list.error ? (
        <InfiniteScroll loadMore={list.loadMore} hasMore={list.hasMore} threshold={200}>
          {list.hasMore ? (list.first ? null : <DotLoading />) : list.items.length > 0 ? <span className="mc-hint">{t('mreg.search.noMore')}</span> : null}
        </InfiniteScroll>
      ) : null}
    </>
  );
}

function ResidentResults({ q, tags, names }: { q: string; tags: string[]; names: TagNames }) {
  const { t } = useTranslation();
  const search = useMemo(() => residentSearchOf(q, tags), [q, tags]);
  const load = useCallback((page: number) => searchResidents(search, page), [search]);
  const list = usePages<Resident>(load);
  const { call, busyId, dialog } = useCall();
  const [open, setOpen] = useState<Resident | null>(null);
  const filtered = !!q || tags.length > 0;

  return (
    <>
      <PagedResults list={list}
        empty={<ErrorBlock status="empty" title={filtered ? t('mreg.search.empty') : t('mreg.search.emptyGrid')} description={filtered ? t('mreg.search.emptyHint') : ''} />}
        count={<>
          {list.total !== null ? t('mreg.search.count', { count: list.total }) : t('mreg.search.countMore', { count: list.items.length })}
          {search.idNumber ? ` · ${t('mreg.search.idNumberHint')}` : ''}
        </>}>
        <div className="mc-card" data-testid="resident-list">
          {list.items.map((r) => (
            <ResidentRow key={r.id} r={r} names={names} onOpen={() => setOpen(r)} onCall={(x) => void call(x)} calling={busyId === r.id} />
          ))}
        </div>
      </PagedResults>
      <ResidentSheet r={open} names={names} onClose={() => setOpen(null)} onCall={(x) => void call(x)} calling={!!open && busyId === open.id} />
      {dialog}
    </>
  );
}

function BuildingResults({ q }: { q: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const load = useCallback((page: number) => searchBuildings(q || undefined, page), [q]);
  const list = usePages<Building>(load);
  return (
    <>
      <PagedResults list={list}
        empty={<ErrorBlock status="empty" title={q ? t('mreg.search.empty') : t('mreg.search.emptyBuildings')} description="" />}
        count={list.total !== null ? t('mreg.search.buildingCount', { count: list.total }) : null}>
        <div className="mc-card" data-testid="building-list">
          {list.items.map((b) => (
            <div key={b.id} className="mr-row" role="link" tabIndex={0} data-testid="building-row" data-id={b.id}
              onClick={() => navigate(`/m/registry/buildings/${b.id}`)} onKeyDown={(e) => { if (e.key === 'Enter') navigate(`/m/registry/buildings/${b.id}`); }}>
              <span className="mr-avatar" style={{ background: '#16a085', borderRadius: 10 }}>{b.name.slice(0, 1)}</span>
              <div className="mr-row-main">
                <span className="mr-name">{b.name}</span>
                <span className="mr-sub">{t('mreg.building.size', { units: b.units, floors: b.floors, rooms: b.roomsPerFloor })}</span>
                <span className="mr-meta">{b.address ?? b.gridName} · {t('mreg.building.households', { count: b.householdCount })}</span>
              </div>
            </div>
          ))}
        </div>
      </PagedResults>
    </>
  );
}
