// 综合执法: the enforcement cases of the reader's area, newest first, by status and matter; each with its source, band
// (proposed, or confirmed with a departure mark), penalty and the handling minutes against the 15-minute mark.
import { useState } from 'react';
import { Button, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ENFORCEMENT_STATUSES, ENFORCEMENT_TARGET_MIN, type EnforcementStatus } from '../../../shared/enforcement.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useCursorList } from '../../lib/useCursorList.ts';
import { useApi } from '../../lib/useApi.ts';
import { listCases, listMatters, type CaseFilter, type CaseListItem } from './api.ts';
import { MinutesText, penaltyText, SourceTag, StatusTag, timeText } from './parts.tsx';
import './locales.ts';
import './enforcement.css';

export function CaseListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<CaseFilter>({});
  const [text, setText] = useState('');
  const matters = useApi((signal) => listMatters({}, signal), []);

  const { items, nextCursor, canCreate, loading, error, more, reload } = useCursorList(listCases, filter);
  const set = (patch: Partial<CaseFilter>) => setFilter((f) => ({ ...f, ...patch }));

  const columns: TableColumnsType<CaseListItem> = [
    {
      title: t('enf.cases.col.number'), dataIndex: 'number', width: 220,
      render: (v: string, c) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link onClick={() => navigate(`/enforcement/cases/${c.id}`)} className="zz-code" data-testid="enf-case-link">{v}</Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.loopCaseNumber ? `${t('enf.cases.from.loop')} ${c.loopCaseNumber}` : t('enf.cases.from.patrol')}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('enf.cases.col.matter'), key: 'matter',
      render: (_: unknown, c) => <span><SourceTag source={c.matterSource} />{c.matterName}</span>,
    },
    {
      title: t('enf.cases.col.subject'), key: 'subject', width: 150,
      render: (_: unknown, c) => (
        <Space orientation="vertical" size={0}>
          <span>{c.subjectName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.gridName}</Typography.Text>
        </Space>
      ),
    },
    { title: t('enf.cases.col.status'), dataIndex: 'status', width: 120, render: (s: EnforcementStatus) => <StatusTag status={s} /> },
    {
      title: t('enf.cases.col.band'), key: 'band', width: 180,
      render: (_: unknown, c) => (
        <Space orientation="vertical" size={0}>
          <span>{c.confirmedName ?? c.proposedName}{c.departure ? <Tag color="orange" style={{ marginInlineStart: 6 }}>{t('enf.band.departure')}</Tag> : null}</span>
          {c.penalty ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{penaltyText(t, c.penalty)}</Typography.Text> : null}
        </Space>
      ),
    },
    {
      title: t('enf.cases.col.minutes'), key: 'minutes', width: 130,
      render: (_: unknown, c) => <MinutesText minutes={c.handlingMinutes} within={c.withinTarget} target={ENFORCEMENT_TARGET_MIN} />,
    },
    { title: t('enf.cases.col.openedAt'), dataIndex: 'openedAt', width: 150, render: (v: string) => timeText(v) },
  ];

  return (
    <div className="zz-page" data-testid="enf-cases-page">
      <PageHeader
        title={t('enf.cases.title')} subtitle={t('enf.cases.subtitle', { target: ENFORCEMENT_TARGET_MIN })}
        extra={canCreate ? <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/enforcement/cases/new')} data-testid="enf-create">{t('enf.cases.create')}</Button> : null}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear style={{ width: 280 }} placeholder={t('enf.cases.q')} value={text} enterButton={t('enf.search')} data-testid="enf-search"
          onChange={(e) => { setText(e.target.value); if (!e.target.value) set({ q: undefined }); }} onSearch={(v) => set({ q: v.trim() || undefined })}
        />
        <Select allowClear style={{ width: 150 }} placeholder={t('enf.cases.allStatuses')} value={filter.status} onChange={(v?: EnforcementStatus) => set({ status: v })} data-testid="enf-filter-status"
          options={ENFORCEMENT_STATUSES.map((s) => ({ value: s, label: t(`enf.statuses.${s}`) }))} />
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 220 }} placeholder={t('enf.cases.allMatters')} value={filter.matterCode} data-testid="enf-filter-matter"
          onChange={(v?: string) => set({ matterCode: v })} options={(matters.data?.items ?? []).map((m) => ({ value: m.code, label: m.name }))} />
        <Button onClick={() => { setText(''); setFilter({}); }}>{t('enf.reset')}</Button>
      </Space>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <Table<CaseListItem>
          rowKey="id" size="middle" columns={columns} dataSource={items} loading={loading} pagination={false} data-testid="enf-case-table"
          onRow={(c) => ({ 'data-testid': 'enf-case-row', 'data-id': c.id } as React.HTMLAttributes<HTMLElement>)}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enf.cases.empty')} /> }}
          footer={() => <Typography.Text type="secondary">{t('enf.cases.count', { count: items.length })}</Typography.Text>}
        />
      )}
      {nextCursor ? <Button block style={{ marginTop: 8 }} onClick={more} data-testid="enf-more">{t('enf.more')}</Button> : null}
    </div>
  );
}
