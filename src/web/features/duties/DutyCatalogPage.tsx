// 三级履职事项清单: a town's three lists (镇街, 村社区, 网格), a card a level with its counts, the hours a month one doer
// carries and the 12-month trend; the chosen level's items with list type, basis, department and workload. New items
// come only through 清单准入; the town's office corrects and retires items where the policies allow.
import { useMemo, useState } from 'react';
import { Button, Empty, Input, Segmented, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { DUTY_LEVELS, LIST_TYPES, type DutyLevel, type ListType } from '../../../shared/duties.ts';
import { useApi } from '../../lib/useApi.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { getCatalog, getStandingDuties, type DutyItem } from './api.ts';
import { LevelCards } from './LevelCards.tsx';
import { TownPicker } from './TownPicker.tsx';
import { EditItemModal, RetireItemModal } from './ItemModals.tsx';
import { LIST_COLORS } from './list-colors.ts';
import './locales.ts';
import './duties.css';

export function DutyCatalogPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [townId, setTownId] = useState<string | null>(null);
  const [retired, setRetired] = useState(false);
  const catalog = useApi((signal) => getCatalog(townId, retired, signal), [townId, retired]);
  const standing = useApi((signal) => getStandingDuties(townId, signal), [townId]);
  const [level, setLevel] = useState<DutyLevel>('grid');
  const [listType, setListType] = useState<ListType | 'all'>('all');
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<DutyItem | null>(null);
  const [retiring, setRetiring] = useState<DutyItem | null>(null);
  const c = catalog.data;
  const dutyName = (code: string | null) => (code ? standing.data?.duties.find((d) => d.code === code)?.name ?? code : null);

  const rows = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return (c?.items ?? []).filter((i) => i.level === level && (listType === 'all' || i.listType === listType))
      .filter((i) => !needle || `${i.code} ${i.name} ${i.basis} ${i.department ?? ''}`.toLowerCase().includes(needle));
  }, [c, level, listType, q]);
  const done = () => { setEditing(null); setRetiring(null); catalog.reload(); };

  return (
    <div data-testid="duty-catalog-page">
      <PageHeader
        title={t('duties.catalog.title')} subtitle={t('duties.catalog.subtitle')}
        extra={(
          <Space wrap>
            <TownPicker towns={c?.towns} value={c?.town.id} onChange={setTownId} />
            {c?.policies.includes('requestAdmission') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`/duties/admissions?new=${level}${townId ? `&town=${townId}` : ''}`)} data-testid="duty-request">
                {t('duties.catalog.requestNew')}
              </Button>
            ) : null}
          </Space>
        )}
      />
      <div className="zz-page">
        {catalog.error ? <ErrorState error={catalog.error} onRetry={catalog.reload} /> : null}
        {c ? <LevelCards catalog={c} level={level} onLevel={setLevel} /> : null}
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>{t('duties.burden.hint')}</Typography.Paragraph>
        <Space wrap style={{ marginBottom: 12 }}>
          <Segmented value={level} onChange={(v) => setLevel(v as DutyLevel)} data-testid="duty-levels"
            options={DUTY_LEVELS.map((l) => ({ value: l, label: `${t(`duties.levels.${l}`)} ${c?.counts[l].total ?? ''}` }))} />
          <Segmented value={listType} onChange={(v) => setListType(v as ListType | 'all')} data-testid="duty-list-types"
            options={[{ value: 'all', label: t('duties.all') }, ...LIST_TYPES.map((l) => ({ value: l, label: `${t(`duties.listTypes.${l}`)} ${c?.counts[level][l] ?? ''}` }))]} />
          <Input.Search allowClear placeholder={t('duties.catalog.search')} onChange={(e) => setQ(e.target.value)} style={{ width: 240 }} />
          <Space size={6}><Switch size="small" checked={retired} onChange={setRetired} />{t('duties.catalog.showRetired')}</Space>
        </Space>
        <Table<DutyItem>
          rowKey="id" size="middle" loading={catalog.loading} dataSource={rows} pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }} data-testid="duty-items"
          rowClassName={(i) => (i.retiredAt ? 'zz-faded' : '')}
          columns={[
            { title: t('duties.catalog.col.code'), dataIndex: 'code', width: 72, render: (v: string) => <span className="zz-code">{v}</span> },
            {
              title: t('duties.catalog.col.name'), dataIndex: 'name', width: 210, render: (v: string, i) => (
                <div>
                  <strong>{v}</strong>{i.retiredAt ? <Tooltip title={i.retiredReason}><Tag style={{ marginLeft: 4 }}>{t('duties.catalog.retired')}</Tag></Tooltip> : null}
                  {i.description ? <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{i.description}</Typography.Text></div> : null}
                </div>
              ),
            },
            { title: t('duties.catalog.col.listType'), dataIndex: 'listType', width: 96, render: (l: ListType) => <Tag color={LIST_COLORS[l]}>{t(`duties.listTypes.${l}`)}</Tag> },
            { title: t('duties.catalog.col.basis'), dataIndex: 'basis', render: (v: string) => <span className="zz-duty-basis">{v}</span> },
            { title: t('duties.catalog.col.department'), dataIndex: 'department', width: 110, render: (v: string | null) => v ?? t('duties.none') },
            { title: t('duties.catalog.col.duty'), dataIndex: 'dutyCode', width: 110, render: (v: string | null) => dutyName(v) ?? t('duties.none') },
            {
              title: t('duties.catalog.col.load'), key: 'load', width: 130, render: (_, i) => (i.listType === 'withdrawn' ? t('duties.none')
                : i.visitsPerMonth === 0 && i.dutyCode ? <Typography.Text type="secondary">{t('duties.catalog.registryDriven')}</Typography.Text>
                  : <Tooltip title={t('duties.catalog.loadHours', { hours: i.hoursPerMonth })}>{t('duties.catalog.load', { visits: i.visitsPerMonth, minutes: i.minutesPerVisit })}</Tooltip>),
            },
            {
              title: t('duties.catalog.col.source'), key: 'source', width: 90, render: (_, i) => (i.admissionId
                ? <Tooltip title={t('duties.catalog.approvedBy', { name: i.approvedByName, date: dayjs(i.approvedAt).format('YYYY-MM-DD') })}><Tag color="green">{t('duties.catalog.admitted')}</Tag></Tooltip>
                : <Typography.Text type="secondary">{t('duties.catalog.startCatalog')}</Typography.Text>),
            },
            {
              title: t('duties.catalog.col.actions'), key: 'actions', width: 130, render: (_, i) => (
                <Space size={0}>
                  {i.policies.includes('edit') ? <Button type="link" size="small" onClick={() => setEditing(i)}>{t('duties.catalog.edit')}</Button> : null}
                  {i.policies.includes('retire') ? <Button type="link" size="small" danger onClick={() => setRetiring(i)}>{t('duties.catalog.retire')}</Button> : null}
                </Space>
              ),
            },
          ]}
        />
        {editing ? <EditItemModal item={editing} onClose={() => setEditing(null)} onSaved={done} /> : null}
        {retiring ? <RetireItemModal item={retiring} onClose={() => setRetiring(null)} onSaved={done} /> : null}
      </div>
    </div>
  );
}
