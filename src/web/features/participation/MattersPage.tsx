// 三事分流: the residents' matters of the caller's area, newest first, with the system's suggested class and its reasons;
// 分流 sends one to its path (公事 → a case, 共事 → a council's proposal, 家事 → neighbour help), 改分流 changes it with a
// reason while the earlier path is still open; each row links to where it went.
import { useState } from 'react';
import { App, Button, Empty, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MATTER_CLASSES, MATTER_STATUSES, type MatterClass, type MatterStatus } from '../../../shared/participation.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useCursorList } from '../../lib/useCursorList.ts';
import { CaseDrawer } from '../cases/desktop/CaseDrawer.tsx';
import { listMatters, type Matter, type MatterFilter } from './api.ts';
import { ClassDialog } from './ClassDialog.tsx';
import { ClassTag, HelpStatusTag, MatterStatusTag, ProposalStatusTag, timeText } from './parts.tsx';
import './locales.ts';

export function MattersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<MatterFilter>({});
  const [dialog, setDialog] = useState<{ matter: Matter; mode: 'class' | 'reclass' } | null>(null);
  const [caseId, setCaseId] = useState<string | null>(null);
  const { items, nextCursor, loading, error, more, reload } = useCursorList(listMatters, filter);
  const set = (patch: Partial<MatterFilter>) => setFilter((f) => ({ ...f, ...patch }));

  const columns: TableColumnsType<Matter> = [
    {
      title: t('participation.matters.col.matter'), key: 'matter',
      render: (_: unknown, m) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong data-testid="matter-title">{m.title}</Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 380 }}>{m.description}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`participation.sources.${m.source}`)}{m.residentName ? ` · ${m.residentName}` : ''} · {m.gridName}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('participation.matters.col.suggested'), key: 'suggested', width: 200,
      render: (_: unknown, m) => (
        <Space orientation="vertical" size={2}>
          <ClassTag value={m.suggestedClass} />
          {m.suggestionReasons.length ? <Typography.Text type="secondary" style={{ fontSize: 12, maxWidth: 180 }} ellipsis={{ tooltip: true }}>{m.suggestionReasons.join('、')}</Typography.Text> : null}
        </Space>
      ),
    },
    {
      title: t('participation.matters.col.class'), key: 'class', width: 200,
      render: (_: unknown, m) => (m.class ? (
        <Space orientation="vertical" size={2}>
          <ClassTag value={m.class} />
          {m.classReason ? <Tooltip title={m.classReason}><Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 180 }}>{m.classReason}</Typography.Text></Tooltip> : null}
        </Space>
      ) : <Typography.Text type="secondary">—</Typography.Text>),
    },
    {
      title: t('participation.matters.col.link'), key: 'link', width: 230,
      render: (_: unknown, m) => {
        const l = m.links;
        // where it went last: the link of its current class (a reclassed matter keeps the earlier one too)
        const to = m.class === 'public' && l.caseId ? 'case' : m.class === 'shared' && l.proposalId ? 'proposal' : m.class === 'private' && l.helpRequestId ? 'help'
          : l.caseId ? 'case' : l.proposalId ? 'proposal' : l.helpRequestId ? 'help' : null;
        if (to === 'case') return <Typography.Link onClick={() => setCaseId(l.caseId)} data-testid="matter-case-link"><span className="zz-code">{l.caseNumber}</span></Typography.Link>;
        if (to === 'proposal') {
          return (
            <Space orientation="vertical" size={0}>
              <Typography.Link onClick={() => navigate(`/participation/councils?proposal=${l.proposalId}`)} data-testid="matter-proposal-link">{l.proposalTitle}</Typography.Link>
              <Space size={4}>{l.councilName ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{l.councilName}</Typography.Text> : null}{l.proposalStatus ? <ProposalStatusTag value={l.proposalStatus} /> : null}</Space>
            </Space>
          );
        }
        if (to === 'help') {
          return (
            <Space size={4}>
              <Typography.Link onClick={() => navigate('/participation/help')} data-testid="matter-help-link">{t('participation.matters.openHelp')}</Typography.Link>
              {l.helpStatus ? <HelpStatusTag value={l.helpStatus} /> : null}
            </Space>
          );
        }
        return <Typography.Text type="secondary">—</Typography.Text>;
      },
    },
    { title: t('participation.matters.col.status'), dataIndex: 'status', width: 90, render: (s: MatterStatus) => <MatterStatusTag value={s} /> },
    { title: t('participation.matters.col.created'), dataIndex: 'createdAt', width: 140, render: (v: string) => timeText(v) },
    {
      title: t('participation.matters.col.actions'), key: 'actions', width: 100,
      render: (_: unknown, m) => (
        <Space>
          {m.policies.includes('class') ? <Button type="primary" size="small" onClick={() => setDialog({ matter: m, mode: 'class' })} data-testid="matter-class">{t('participation.matters.classify')}</Button> : null}
          {m.policies.includes('reclass') ? <Button size="small" onClick={() => setDialog({ matter: m, mode: 'reclass' })} data-testid="matter-reclass">{t('participation.matters.reclassify')}</Button> : null}
        </Space>
      ),
    },
  ];

  return (
    <div className="zz-page" data-testid="matters-page">
      <PageHeader title={t('participation.matters.title')} subtitle={t('participation.matters.subtitle')} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear style={{ width: 140 }} placeholder={t('participation.matters.status')} value={filter.status} onChange={(v?: MatterStatus) => set({ status: v })}
          options={MATTER_STATUSES.map((x) => ({ value: x, label: t(`participation.matterStatus.${x}`) }))} data-testid="matter-filter-status" />
        <Select allowClear style={{ width: 140 }} placeholder={t('participation.matters.class')} value={filter.class} onChange={(v?: MatterClass) => set({ class: v })}
          options={MATTER_CLASSES.map((x) => ({ value: x, label: t(`participation.classes.${x}`) }))} data-testid="matter-filter-class" />
        <Button onClick={() => setFilter({})}>{t('participation.reset')}</Button>
      </Space>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <Table<Matter>
          rowKey="id" size="middle" columns={columns} dataSource={items} loading={loading} pagination={false}
          onRow={(m) => ({ 'data-testid': 'matter-row', 'data-id': m.id } as React.HTMLAttributes<HTMLElement>)}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('participation.matters.empty')} /> }}
          footer={() => <Typography.Text type="secondary">{t('participation.count', { count: items.length })}</Typography.Text>}
        />
      )}
      {nextCursor ? <Button block style={{ marginTop: 8 }} onClick={more}>{t('participation.more')}</Button> : null}
      <ClassDialog matter={dialog?.matter ?? null} mode={dialog?.mode ?? 'class'} onClose={() => setDialog(null)}
        onDone={(m) => {
          setDialog(null);
          void message.success(t(dialog?.mode === 'reclass' ? 'participation.matters.reclassed' : 'participation.matters.classed', { class: t(`participation.classes.${m.class ?? 'shared'}`) }));
          reload();
        }} />
      {caseId ? <CaseDrawer caseId={caseId} onClose={() => setCaseId(null)} onChanged={reload} /> : null}
    </div>
  );
}
