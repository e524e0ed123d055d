// 事项清单: the duty catalog of a town, filterable by list, tier and text; admins and leaders create,
// edit (new version) and retire matters; anyone sees a matter's version history.
import { useMemo, useState } from 'react';
import { App, Button, Empty, Input, Popconfirm, Segmented, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MATTER_LISTS, TIERS, type MatterList } from '../../../shared/matters.ts';
import { errorText } from '../../lib/api.ts';
import { useMe } from '../../app/auth.tsx';
import { useApi } from '../../lib/useApi.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Clip, NameCode } from '../../ui/NameCode.tsx';
import { listUnits } from '../org/api.ts';
import { listMatters, retireMatter, type Matter } from './api.ts';
import { slaText } from './sla.ts';
import { MatterForm } from './MatterForm.tsx';
import { MatterVersions } from './MatterVersions.tsx';
import './locales.ts';

const LIST_COLORS: Record<MatterList, string> = { basic: 'blue', cooperative: 'gold', withdrawn: 'default' };

export function MattersPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const level = me.scopeOrgUnit?.level;
  const needsTown = level === 'city' || level === 'district';
  const towns = useApi(needsTown ? (signal) => listUnits({ level: 'town' }, signal) : null, [needsTown]);
  const [pickedTown, setPickedTown] = useState<string | null>(null);
  const townId = needsTown ? (pickedTown ?? towns.data?.[0]?.id ?? null) : null;
  const [includeRetired, setIncludeRetired] = useState(false);
  const matters = useApi(!needsTown || townId ? (signal) => listMatters(townId, includeRetired, signal) : null, [townId, includeRetired]);
  const [list, setList] = useState<MatterList | 'all'>('all');
  const [q, setQ] = useState('');
  /** the catalog's and each matter's `policies` say what the reader may do; roles are not looked at here */
  const canCreate = matters.data?.policies.includes('create') ?? false;
  const [editing, setEditing] = useState<Matter | 'new' | null>(null);
  const [history, setHistory] = useState<Matter | null>(null);

  const rows = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return (matters.data?.items ?? [])
      .filter((m) => list === 'all' || m.list === list)
      .filter((m) => !needle || `${m.code} ${m.name} ${m.class} ${m.postName ?? ''} ${m.postCode ?? ''} ${m.departmentName ?? ''}`.toLowerCase().includes(needle))
      .sort((a, b) => a.code.localeCompare(b.code));
  }, [matters.data, list, q]);
  const counts = useMemo(() => Object.fromEntries(MATTER_LISTS.map((l) => [l, (matters.data?.items ?? []).filter((m) => m.list === l).length])), [matters.data]);

  const retire = async (m: Matter) => {
    try {
      await retireMatter(townId, m.code);
      message.success(t('matter.retiredDone', { code: `${m.name} · ${m.code}` }));
      matters.reload();
    } catch (e) {
      message.error(errorText(e, i18n.language));
    }
  };

  return (
    <div data-testid="matters-page">
      <PageHeader
        title={t('matter.title')} subtitle={t('matter.subtitle')}
        extra={(
          <Space wrap>
            {needsTown ? (
              <Select style={{ width: 180 }} placeholder={t('matter.chooseTown')} value={townId ?? undefined} onChange={setPickedTown} loading={towns.loading}
                options={(towns.data ?? []).map((u) => ({ value: u.id, label: u.name }))} data-testid="matter-town" />
            ) : null}
            {canCreate ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} disabled={needsTown && !townId} data-testid="matter-create">{t('matter.create')}</Button>
              : <Typography.Text type="secondary">{t('matter.readOnly')}</Typography.Text>}
          </Space>
        )}
      />
      <div className="zz-page">
        <Space wrap style={{ marginBottom: 12 }}>
          <Segmented
            value={list} onChange={(v) => setList(v as MatterList | 'all')} data-testid="matter-lists"
            options={[{ value: 'all', label: `${t('matter.all')} ${matters.data?.items.length ?? ''}` }, ...MATTER_LISTS.map((l) => ({ value: l, label: `${t(`matter.lists.${l}`)} ${counts[l] ?? ''}` }))]}
          />
          <Input.Search allowClear placeholder={t('matter.search')} onChange={(e) => setQ(e.target.value)} style={{ width: 260 }} />
          <Space size={6}><Switch size="small" checked={includeRetired} onChange={setIncludeRetired} />{t('matter.showRetired')}</Space>
        </Space>
        {matters.error ? <ErrorState error={matters.error} onRetry={matters.reload} /> : (
          <Table<Matter>
            rowKey={(m) => `${m.code}-${m.version}`} size="middle" loading={matters.loading} dataSource={rows} pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }} data-testid="matters-table" scroll={{ x: 1180 }}
            rowClassName={(m) => (m.retired ? 'zz-faded' : '')}
            columns={[
              { title: t('matter.col.code'), dataIndex: 'code', width: 72, fixed: 'left', render: (v: string) => <span className="zz-code">{v}</span> },
              {
                title: t('matter.col.name'), dataIndex: 'name', width: 180, fixed: 'left', render: (v: string, m) => (
                  <div style={{ display: 'flex', gap: 4, alignItems: 'center', minWidth: 0 }}>
                    <strong style={{ minWidth: 0 }}><Clip text={v} /></strong>{m.retired ? <Tag>{t('matter.retired')}</Tag> : null}
                  </div>
                ),
              },
              { title: t('matter.col.class'), dataIndex: 'class', width: 110, render: (v: string) => <Clip text={v} /> },
              { title: t('matter.col.list'), dataIndex: 'list', width: 86, render: (l: MatterList) => <Tag color={LIST_COLORS[l]}>{t(`matter.lists.${l}`)}</Tag> },
              {
                title: t('matter.col.tier'), dataIndex: 'tier', width: 84, render: (v: string) => t(`matter.tiers.${v}`),
                filters: TIERS.map((v) => ({ value: v, text: t(`matter.tiers.${v}`) })), onFilter: (v, m) => m.tier === v,
              },
              { title: t('matter.col.owner'), key: 'owner', width: 170, render: (_, m) => <MatterOwner m={m} /> },
              { title: t('matter.col.sla'), key: 'sla', width: 190, render: (_, m) => <span style={{ fontSize: 13, lineHeight: 1.4 }}>{slaText(m.sla, t)}</span> },
              {
                title: t('matter.col.flags'), key: 'flags', width: 96, render: (_, m) => (
                  <Space size={[4, 4]} wrap>{m.onSpot ? <Tag color="green">{t('matter.flags.onSpot')}</Tag> : null}{m.urgent ? <Tag color="red">{t('matter.flags.urgent')}</Tag> : null}</Space>
                ),
              },
              { title: t('matter.col.version'), dataIndex: 'version', width: 56, render: (v: number) => `v${v}` },
              {
                title: t('matter.col.actions'), key: 'actions', fixed: 'right', width: canCreate ? 160 : 80, render: (_, m) => (
                  <Space size={0}>
                    <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => setHistory(m)}>{t('matter.versions')}</Button>
                    {m.policies.includes('edit') ? <Button type="link" size="small" onClick={() => setEditing(m)}>{t('matter.edit')}</Button> : null}
                    {m.policies.includes('retire') ? (
                      <Popconfirm title={t('matter.retireConfirm', { name: m.name })} onConfirm={() => retire(m)} okButtonProps={{ danger: true }}>
                        <Button type="link" size="small" danger>{t('matter.retire')}</Button>
                      </Popconfirm>
                    ) : null}
                  </Space>
                ),
              },
            ]}
          />
        )}
        {editing ? (
          <MatterForm townId={townId} matter={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); matters.reload(); }} />
        ) : null}
        <MatterVersions townId={townId} matter={history} onClose={() => setHistory(null)} />
      </div>
    </div>
  );
}

/** Who handles a matter: the post by its name (its code on hover) and/or the department, on one line. */
function MatterOwner({ m }: { m: Pick<Matter, 'postCode' | 'postName' | 'departmentName'> }) {
  if (!m.postCode && !m.departmentName) return <>—</>;
  if (!m.postCode) return <Clip text={m.departmentName} />;
  const post = <NameCode name={m.postName} code={m.postCode} ellipsis={!m.departmentName} codeOnHover />;
  return m.departmentName
    ? <Tooltip title={`${m.postName ? `${m.postName}（${m.postCode}）` : m.postCode} / ${m.departmentName}`} placement="topLeft"><span className="zz-clip">{post} / {m.departmentName}</span></Tooltip>
    : post;
}
