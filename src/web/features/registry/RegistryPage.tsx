// 人房地物台账: residents, households, buildings, places and things of the reader's territory, one tab each (its own
// address, /registry/<kind>), searched by name, pinyin initials, address, an exact ID number or phone, filtered by
// grid, tag, kind and risk; created and edited in drawers when the list's and the row's `policies` allow; exported
// with the current filters (masked as the reader sees them, audited) and imported on the import page.
import { useState } from 'react';
import { Alert, App, Button, Empty, Input, Select, Space, Table, Tabs, Tooltip } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PLACE_KINDS, REGISTRY_KINDS, REGISTRY_LIMITS, RISK_LEVELS, THING_KINDS, type RegistryKind } from '../../../shared/registry.ts';
import { errorText } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { downloadExport, listRecords, savedId, type Building, type Household, type ListFilter, type ListRow, type Place, type Resident, type Thing } from './api.ts';
import { useColumns } from './columns.tsx';
import { BuildingDrawer, HouseholdDrawer, PlaceDrawer, ResidentDrawer, ThingDrawer } from './forms.tsx';
import { GridSelect, useEnumOptions } from './parts.tsx';
import { TagSelect, TagsProvider } from './tags.tsx';
import { HazardLedgerPage } from './HazardLedger.tsx';
import './locales.ts';
import './registry.css';

const isKind = (k: string | undefined): k is RegistryKind => (REGISTRY_KINDS as readonly string[]).includes(k ?? '');

export function RegistryPage() {
  const { kind } = useParams();
  if (kind === 'hazards') return <HazardLedgerPage />;
  if (!isKind(kind)) return <Navigate to="/registry/residents" replace />;
  return <TagsProvider><RegistryList key={kind} kind={kind} /></TagsProvider>;
}

/** The filters as the address keeps them, so the back button returns to the same list. */
function useFilter(): [ListFilter & { page: number }, (f: Partial<ListFilter & { page: number }>) => void] {
  const [params, setParams] = useSearchParams();
  const many = (k: string) => params.getAll(k);
  const filter = {
    q: params.get('q') ?? undefined, idNumber: params.get('idNumber') ?? undefined, phone: params.get('phone') ?? undefined,
    gridId: params.get('gridId') ?? undefined, tag: many('tag'), kind: many('kind'), riskLevel: many('riskLevel'),
    page: Number(params.get('page') ?? 1) || 1,
  };
  const update = (f: Partial<ListFilter & { page: number }>) => {
    const next = { ...filter, page: 1, ...f };
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) {
      if (Array.isArray(v)) for (const item of v) p.append(k, item);
      else if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) p.set(k, String(v));
    }
    setParams(p, { replace: true });
  };
  return [filter, update];
}

function RegistryList({ kind }: { kind: RegistryKind }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const options = useEnumOptions();
  const [filter, setFilter] = useFilter();
  const [pageSize, setPageSize] = useState<number>(REGISTRY_LIMITS.pageSize);
  const [editing, setEditing] = useState<{ record: ListRow | null } | null>(null);
  const [exporting, setExporting] = useState(false);
  const { page, ...f } = filter;
  const list = useApi((signal) => listRecords<ListRow>(kind, f, page, pageSize, signal), [kind, JSON.stringify(filter), pageSize]);
  const columns = useColumns(kind, (row) => setEditing({ record: row }));
  const canCreate = list.data?.policies.includes('create') ?? false;

  const exportList = async () => {
    setExporting(true);
    try {
      await downloadExport(kind, f, `${t(`registry.tabs.${kind}`)}.xlsx`);
      message.success(t('registry.exported'));
    } catch (e) {
      message.error(errorText(e, i18n.language));
    } finally {
      setExporting(false);
    }
  };

  const saved = (record: unknown) => {
    setEditing(null);
    list.reload();
    // a new household or building opens where its work goes on: the household file, the building view
    const id = savedId(record);
    if (!editing?.record && id && kind === 'households') navigate(`/registry/households/${id}`);
    if (!editing?.record && id && kind === 'buildings') navigate(`/registry/buildings/${id}`);
  };

  const drawer = { open: editing !== null, onClose: () => setEditing(null), onSaved: saved };
  return (
    <div data-testid="registry-page" data-kind={kind}>
      <PageHeader
        title={t('registry.title')} subtitle={t('registry.subtitle')}
        extra={<>
          <Tooltip title={t('registry.exportHint')}>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportList()} data-testid="registry-export">{t('registry.actions.export')}</Button>
          </Tooltip>
          {canCreate ? <Button icon={<UploadOutlined />} onClick={() => navigate(`/registry/import?kind=${kind}`)} data-testid="registry-import">{t('registry.actions.import')}</Button> : null}
          {canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ record: null })} data-testid="registry-create">
              {t('registry.actions.create', { kind: t(`registry.kindsOne.${kind}`) })}
            </Button>
          ) : null}
        </>}
      />
      <div className="zz-page">
        <Tabs
          activeKey={kind} onChange={(k) => navigate(`/registry/${k}`)} data-testid="registry-tabs"
          items={[...REGISTRY_KINDS.map((k) => ({ key: k, label: t(`registry.tabs.${k}`) })), { key: 'hazards', label: t('registry.tabs.hazards') }]}
        />
        <Filters kind={kind} filter={filter} setFilter={setFilter} options={options} />
        {list.data && !canCreate ? <Alert type="info" showIcon title={t('registry.readOnly')} style={{ marginBottom: 12 }} /> : null}
        {list.error && !list.data ? <ErrorState error={list.error} onRetry={list.reload} /> : (
          <Table<ListRow>
            rowKey="id" size="middle" data-testid="registry-table" columns={columns as never} dataSource={list.data?.items ?? []} loading={list.loading}
            scroll={{ x: 1100 }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`registry.empty.${kind}`)} /> }}
            pagination={{
              current: page, pageSize, total: list.data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [20, 50, 100],
              showTotal: (n) => t('registry.total', { count: n }),
              onChange: (p, size) => { if (size !== pageSize) { setPageSize(size); setFilter({ page: 1 }); } else setFilter({ page: p }); },
            }}
          />
        )}
      </div>
      {kind === 'residents' ? <ResidentDrawer {...drawer} record={editing?.record as Resident | null ?? null} /> : null}
      {kind === 'households' ? <HouseholdDrawer {...drawer} record={editing?.record as Household | null ?? null} /> : null}
      {kind === 'buildings' ? <BuildingDrawer {...drawer} record={editing?.record as Building | null ?? null} /> : null}
      {kind === 'places' ? <PlaceDrawer {...drawer} record={editing?.record as Place | null ?? null} /> : null}
      {kind === 'things' ? <ThingDrawer {...drawer} record={editing?.record as Thing | null ?? null} /> : null}
    </div>
  );
}

function Filters({ kind, filter, setFilter, options }: {
  kind: RegistryKind; filter: ListFilter; setFilter: (f: Partial<ListFilter & { page: number }>) => void; options: ReturnType<typeof useEnumOptions>;
}) {
  const { t } = useTranslation();
  // typed text is sent on Enter or 查询, not at each key
  const [q, setQ] = useState(filter.q ?? '');
  const [idNumber, setIdNumber] = useState(filter.idNumber ?? '');
  const [phone, setPhone] = useState(filter.phone ?? '');
  const apply = () => setFilter({ q: q.trim() || undefined, idNumber: idNumber.trim() || undefined, phone: phone.trim() || undefined });
  const reset = () => { setQ(''); setIdNumber(''); setPhone(''); setFilter({ q: undefined, idNumber: undefined, phone: undefined, gridId: undefined, tag: [], kind: [], riskLevel: [] }); };
  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="registry-filters">
      <Input.Search
        allowClear value={q} onChange={(e) => setQ(e.target.value)} onSearch={apply} placeholder={t(`registry.search.${kind}`)}
        style={{ width: 220 }} maxLength={50} data-testid="registry-q"
      />
      {kind === 'residents' ? <>
        <Input allowClear value={idNumber} onChange={(e) => setIdNumber(e.target.value)} onPressEnter={apply} placeholder={t('registry.search.idNumber')} style={{ width: 180 }} maxLength={40} data-testid="registry-idNumber" />
        <Input allowClear value={phone} onChange={(e) => setPhone(e.target.value)} onPressEnter={apply} placeholder={t('registry.search.phone')} style={{ width: 140 }} maxLength={30} data-testid="registry-phone" />
      </> : null}
      <GridSelect value={filter.gridId} onChange={(gridId) => setFilter({ gridId })} placeholder={t('registry.filter.allGrids')} style={{ width: 170 }} testId="registry-grid" />
      {kind === 'residents' || kind === 'households' ? (
        <TagSelect value={filter.tag} onChange={(tag) => setFilter({ tag })} placeholder={t('registry.filter.tag')} style={{ width: 160 }} testId="registry-tag" />
      ) : null}
      {kind === 'places' ? (
        <Select mode="multiple" allowClear value={filter.kind} onChange={(k: string[]) => setFilter({ kind: k })} placeholder={t('registry.filter.kind')} style={{ minWidth: 160 }}
          options={options('placeKind', PLACE_KINDS)} data-testid="registry-kind" />
      ) : null}
      {kind === 'things' ? <>
        <Select mode="multiple" allowClear value={filter.kind} onChange={(k: string[]) => setFilter({ kind: k })} placeholder={t('registry.filter.kind')} style={{ minWidth: 160 }}
          options={options('thingKind', THING_KINDS)} data-testid="registry-kind" />
        <Select mode="multiple" allowClear value={filter.riskLevel} onChange={(r: string[]) => setFilter({ riskLevel: r })} placeholder={t('registry.filter.risk')} style={{ minWidth: 160 }}
          options={options('riskLevel', RISK_LEVELS)} data-testid="registry-risk" />
      </> : null}
      <Button type="primary" onClick={apply} data-testid="registry-search">{t('registry.search.go')}</Button>
      <Button onClick={reset}>{t('registry.search.reset')}</Button>
    </Space>
  );
}
