// 对账: the nightly reconciliation runs — how many accounts were recomputed from their entries, and any balance that
// differs from its entries or transaction that does not sum to zero (each such run also raised an alarm).
import { useState } from 'react';
import { Alert, App, Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useApi } from '../../lib/useApi.ts';
import { listReconciliations, runReconciliation, type Reconciliation } from './api.ts';
import { errorText } from '../../lib/api.ts';
import { timeText } from './parts.tsx';
import './locales.ts';

export function ReconciliationsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const runs = useApi((signal) => listReconciliations(signal), []);
  const [running, setRunning] = useState(false);
  const run = async () => {
    setRunning(true);
    try { await runReconciliation(); message.success(t('points.reconciliations.ranOk')); runs.reload(); }
    catch (e) { message.error(errorText(e, i18n.language)); }
    finally { setRunning(false); }
  };
  const latest = runs.data?.items[0];
  const bad = (r: Reconciliation) => r.mismatches.length + r.unbalanced.length;
  const columns: TableColumnsType<Reconciliation> = [
    { title: t('points.reconciliations.col.ranAt'), dataIndex: 'ranAt', width: 180, render: (v: string) => timeText(v) },
    { title: t('points.reconciliations.col.accounts'), dataIndex: 'accounts', width: 110, align: 'right' },
    { title: t('points.reconciliations.col.mismatches'), key: 'm', width: 110, align: 'right', render: (_: unknown, r) => r.mismatches.length },
    { title: t('points.reconciliations.col.unbalanced'), key: 'u', width: 110, align: 'right', render: (_: unknown, r) => r.unbalanced.length },
    { title: t('points.reconciliations.col.result'), key: 'r', render: (_: unknown, r) => <Tag color={bad(r) ? 'red' : 'green'} data-testid="reconciliation-result">{bad(r) ? t('points.reconciliations.bad') : t('points.reconciliations.ok')}</Tag> },
  ];
  const expanded = (r: Reconciliation) => (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {r.mismatches.map((m) => (
        <Typography.Text key={m.accountId}>{t('points.reconciliations.account')}：{m.orgUnitName} · {t('points.reconciliations.stored')} {m.stored} · {t('points.reconciliations.computed')} {m.computed}</Typography.Text>
      ))}
      {r.unbalanced.map((u) => <Typography.Text key={u.transactionId}>{t('points.reconciliations.transaction')} <Typography.Text code translate="no">{u.transactionId.slice(0, 8)}</Typography.Text> · {t('points.reconciliations.sum')} {u.sum}</Typography.Text>)}
    </Space>
  );
  return (
    <div className="zz-page" data-testid="reconciliations-page">
      <PageHeader title={t('points.reconciliations.title')} subtitle={t('points.reconciliations.subtitle')}
        extra={runs.data?.policies.includes('run') ? <Button icon={<SyncOutlined />} loading={running} onClick={() => void run()} data-testid="reconcile-run">{t('points.reconciliations.runNow')}</Button> : null} />
      {latest ? (
        <Alert style={{ marginBottom: 12 }} showIcon type={bad(latest) ? 'error' : 'success'} data-testid="reconciliation-latest"
          title={bad(latest) ? t('points.reconciliations.latestBad', { at: timeText(latest.ranAt), count: bad(latest) }) : t('points.reconciliations.latestOk', { at: timeText(latest.ranAt), accounts: latest.accounts })} />
      ) : null}
      {runs.error ? <ErrorState error={runs.error} onRetry={runs.reload} /> : (
        <Table<Reconciliation> rowKey="id" size="middle" columns={columns} dataSource={runs.data?.items ?? []} loading={runs.loading} pagination={{ pageSize: 30, hideOnSinglePage: true }}
          expandable={{ expandedRowRender: expanded, rowExpandable: (r) => bad(r) > 0 }} data-testid="reconciliations-table"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('points.reconciliations.empty')} /> }} />
      )}
    </div>
  );
}
