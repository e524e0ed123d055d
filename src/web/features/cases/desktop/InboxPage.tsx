// 我的待办: cases assigned to the caller's posts (A and B holders alike), department or self, by stage;
// a row opens the case drawer to start, report done, return or ask for a suspension.
import { useMemo, useState, type HTMLAttributes } from 'react';
import { Badge, Table, Tabs, Tag } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../../../shared/cases.ts';
import { useMe } from '../../../app/auth.tsx';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import type { CaseSummary } from '../api.ts';
import { useLiveCases } from './useLiveCases.ts';
import { formatTime } from './clocks.ts';
import { Countdown, StatusTag } from './tags.tsx';
import { CaseDrawer } from './CaseDrawer.tsx';
import './desktop.css';

type TabKey = 'todo' | 'doing' | 'done';
const TAB_STATUSES: Record<TabKey, CaseStatus[]> = { todo: ['dispatched'], doing: ['in_progress'], done: ['handled', 'closed'] };

export function InboxPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const openId = params.get('case');
  const [tab, setTab] = useState<TabKey>('todo');
  const live = useLiveCases({ mine: 'assigned', status: ['dispatched', 'in_progress', 'handled', 'closed'] });
  const byTab = useMemo(() => {
    const out = {} as Record<TabKey, CaseSummary[]>;
    for (const k of Object.keys(TAB_STATUSES) as TabKey[]) out[k] = live.cases.filter((c) => TAB_STATUSES[k].includes(c.status));
    out.done.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    return out;
  }, [live.cases]);
  const open = (id: string | null) => setParams((p) => { const n = new URLSearchParams(p); if (id) n.set('case', id); else n.delete('case'); return n; });

  return (
    <div data-testid="inbox">
      <PageHeader title={t('wcase.inbox.title')} subtitle={t('wcase.inbox.subtitle')} extra={me.posts.length ? (
        <span>{t('wcase.inbox.posts')}{me.posts.map((p) => <Tag key={p.id} color="blue">{p.name} · {t(p.holder === 'A' ? 'boards.holderA' : p.holder === 'B' ? 'boards.holderB' : 'boards.holderBackup')}</Tag>)}</span>
      ) : null} />
      <div className="zz-page">
        <Tabs
          activeKey={tab} onChange={(k) => setTab(k as TabKey)}
          items={(Object.keys(TAB_STATUSES) as TabKey[]).map((k) => ({
            key: k,
            label: <span data-testid={`inbox-tab-${k}`}>{t(`wcase.inboxTabs.${k}`)} <Badge count={byTab[k].length} showZero size="small" color={k === 'todo' ? '#fa541c' : '#8c96a3'} /></span>,
          }))}
        />
        {live.error ? <ErrorState error={live.error} onRetry={live.reload} /> : (
          <Table<CaseSummary>
            rowKey="id" size="middle" loading={live.loading && !live.cases.length} dataSource={byTab[tab]} pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: t('wcase.inbox.none') }} data-testid="inbox-table"
            onRow={(c) => ({ onClick: () => open(c.id), style: { cursor: 'pointer' }, 'data-testid': 'inbox-row', 'data-number': c.number } as HTMLAttributes<HTMLElement>)}
            rowClassName={(c) => (c.id === openId ? 'ant-table-row-selected' : '')}
            columns={[
              { title: t('wcase.col.number'), dataIndex: 'number', width: 210, render: (v: string) => <span className="zz-queue-number">{v}</span> },
              { title: t('wcase.col.category'), dataIndex: 'categoryName', width: 150, render: (v: string) => <strong>{v}</strong> },
              { title: t('wcase.drawer.description'), dataIndex: 'description', ellipsis: true },
              { title: t('wcase.col.address'), dataIndex: 'address', width: 180, ellipsis: true, render: (v: string | null) => v ?? '—' },
              { title: t('wcase.inbox.assignee'), key: 'assignee', width: 130, render: (_, c) => c.assignee?.name ?? '—' },
              { title: t('wcase.col.status'), dataIndex: 'status', width: 90, render: (s: CaseStatus) => <StatusTag status={s} /> },
              {
                title: t('wcase.inbox.deadline'), key: 'deadline', width: 170,
                render: (_, c) => (c.status === 'closed' || c.status === 'handled' ? <span className="zz-muted">{formatTime(c.updatedAt, i18n.language)}</span> : <Countdown deadlines={c.deadlines} suspended={c.suspended} />),
              },
            ]}
          />
        )}
      </div>
      <CaseDrawer caseId={openId} onClose={() => open(null)} onChanged={live.reload} />
    </div>
  );
}
