// Pieces the points and volunteer pages share: which community a page is about (a community's staff: their own; a
// grid worker: their grid's; the town's staff pick one, kept in the address as ?community=), a registry person picked by
// name, and the tags of rule kinds and statuses.
import { useEffect, useRef, useState } from 'react';
import { Select, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMe } from '../../app/auth.tsx';
import { useApi } from '../../lib/useApi.ts';
import { api } from '../../lib/api.ts';
import { fetchUnit, listUnits } from '../org/api.ts';
import type { PointRuleKind } from '../../../shared/points.ts';
import './locales.ts';

export { timeText, dayText } from '../../lib/time-text.ts';

export interface Community { id: string; name: string }

/**
 * The community a points or volunteer page is about, and the picker the page shows when the reader's scope holds
 * several (null when it holds one). The choice stays in the address (?community=) so a reload keeps it.
 */
export function useCommunity(): { community: Community | null; communities: Community[]; loading: boolean; picker: React.ReactNode } {
  const me = useMe();
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const scope = me.scopeOrgUnit;
  const list = useApi<Community[]>(async (signal) => {
    if (!scope) return [];
    if (scope.level === 'community') return [{ id: scope.id, name: scope.name }];
    if (scope.level === 'grid' || scope.level === 'dedicatedGrid') {
      const grid = await fetchUnit(scope.id, signal);
      const parent = grid.ancestors.find((a) => a.level === 'community');
      return parent ? [{ id: parent.id, name: parent.name }] : [];
    }
    const units = await listUnits({ level: 'community' }, signal);
    return units.filter((u) => u.ancestorIds.includes(scope.id)).map((u) => ({ id: u.id, name: u.name }));
  }, [scope?.id]);
  const communities = list.data ?? [];
  const wanted = params.get('community');
  const community = communities.find((c) => c.id === wanted) ?? communities[0] ?? null;
  const picker = communities.length > 1 ? (
    <Select<string>
      style={{ minWidth: 180 }} value={community?.id} placeholder={t('points.pickCommunity')} data-testid="community-picker"
      options={communities.map((c) => ({ value: c.id, label: c.name }))} showSearch optionFilterProp="label"
      onChange={(id) => { const next = new URLSearchParams(params); next.set('community', id); setParams(next, { replace: true }); }}
    />
  ) : null;
  return { community, communities, loading: list.loading, picker };
}

export interface PersonHit { id: string; name: string; idNumber: string; gridName: string | null; householdAddress: string | null }

/** A registry person picked by name or ID number (the registry's own masked list). */
export function PersonPicker({ value, onChange, placeholder, testId }: { value: PersonHit | null; onChange(v: PersonHit | null): void; placeholder: string; testId?: string }) {
  const [hits, setHits] = useState<PersonHit[]>([]);
  const [loading, setLoading] = useState(false);
  const ctrl = useRef<AbortController | null>(null);
  useEffect(() => () => ctrl.current?.abort(), []);
  const search = (q: string) => {
    ctrl.current?.abort();
    if (!q.trim()) { setHits([]); return; }
    const c = new AbortController();
    ctrl.current = c;
    setLoading(true);
    api<{ items: PersonHit[] }>('/api/registry/residents', { query: { q: q.trim(), page: 1, pageSize: 10 }, signal: c.signal })
      .then((r) => { setHits(r.items); setLoading(false); }, () => { if (!c.signal.aborted) setLoading(false); });
  };
  const options = [...(value && !hits.some((h) => h.id === value.id) ? [value] : []), ...hits].map((h) => ({
    value: h.id,
    label: <span>{h.name} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{[h.gridName, h.householdAddress].filter(Boolean).join(' · ')}</Typography.Text></span>,
  }));
  return (
    <Select
      showSearch allowClear filterOption={false} style={{ width: '100%' }} placeholder={placeholder} value={value?.id}
      onSearch={search} onChange={(id?: string) => onChange(id ? [...hits, ...(value ? [value] : [])].find((h) => h.id === id) ?? null : null)}
      notFoundContent={loading ? <Spin size="small" /> : null} options={options} data-testid={testId}
    />
  );
}

export const KIND_COLOURS: Record<PointRuleKind, string> = { base: 'blue', bonus: 'green', minus: 'orange', veto: 'red' };

export function RuleKindTag({ kind }: { kind: PointRuleKind }) {
  const { t } = useTranslation();
  return <Tag color={KIND_COLOURS[kind]} bordered={false}>{t(`points.kinds.${kind}`)}</Tag>;
}

/** Points with their sign and colour: +10 green, −5 red. */
export function Amount({ value }: { value: number }) {
  return <Typography.Text strong type={value < 0 ? 'danger' : 'success'} style={{ fontVariantNumeric: 'tabular-nums' }}>{value > 0 ? `+${value}` : `${value}`}</Typography.Text>;
}

export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
