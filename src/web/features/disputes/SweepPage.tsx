// One sweep (大排查): every grid of the town — answered (none found, or the disputes it named) or not — and the grids
// still missing on top; 上报 for a grid the reader may answer for.
import { useRef, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Progress, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { ButtonProps, TableColumnsType } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useApi } from '../../lib/useApi.ts';
import { errorText } from '../../lib/api.ts';
import { fetchSweep, listDisputes, newIdempotencyKey, reportSweep, type SweepDetail, type SweepGrid } from './api.ts';
import { timeText } from './parts.tsx';
import './locales.ts';
import './disputes.css';

export function SweepPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const sweep = useApi((signal) => fetchSweep(id, signal), [id]);
  const [reporting, setReporting] = useState<SweepGrid | null>(null);
  const [fresh, setFresh] = useState<SweepDetail | null>(null);
  const [show, setShow] = useState<'all' | 'missing' | 'answered'>('all');
  const s = fresh ?? sweep.data;

  if (sweep.error) return <div className="zz-page"><ErrorState error={sweep.error} onRetry={sweep.reload} /></div>;
  if (!s) return <div className="zz-page"><Card loading /></div>;
  const columns: TableColumnsType<SweepGrid> = [
    { title: t('disputes.sweeps.grid'), key: 'grid', render: (_: unknown, g) => <span>{g.gridName}{g.communityName ? <Typography.Text type="secondary" style={{ fontSize: 12 }}> · {g.communityName}</Typography.Text> : null}</span> },
    {
      title: t('disputes.sweeps.state'), key: 'state', width: 120,
      render: (_: unknown, g) => (!g.answered ? <Tag color="red">{t('disputes.sweeps.notAnswered')}</Tag> : g.noneFound ? <Tag color="green">{t('disputes.sweeps.noneFound')}</Tag> : <Tag color="blue">{t('disputes.sweeps.reported')}</Tag>),
    },
    {
      title: t('disputes.sweeps.disputes'), key: 'disputes',
      render: (_: unknown, g) => (g.disputes.length ? <Space wrap size={4}>{g.disputes.map((x) => <Typography.Link key={x.id} onClick={() => navigate(`/disputes/${x.id}`)}><span className="zz-code">{x.number}</span></Typography.Link>)}</Space> : g.answered ? t('disputes.none') : ''),
    },
    { title: t('disputes.sweeps.reporter'), key: 'by', width: 220, render: (_: unknown, g) => (g.answered ? `${g.reporterName ?? ''} · ${timeText(g.reportedAt)}` : '') },
    { title: '', key: 'act', width: 90, render: (_: unknown, g) => (g.canReport ? <Button size="small" onClick={() => setReporting(g)} data-testid="sweep-report">{t('disputes.sweeps.report')}</Button> : null) },
  ];
  return (
    <div className="zz-page" data-testid="sweep-page">
      <PageHeader title={s.title} subtitle={`${s.townName} · ${t('disputes.sweeps.col.due')} ${s.dueOn}${s.note ? ` · ${s.note}` : ''}`}
        extra={<Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/disputes/sweeps')}>{t('disputes.sweeps.back')}</Button>} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <strong data-testid="sweep-answered">{t('disputes.sweeps.answered', { answered: s.answered, total: s.gridCount })}</strong>
            {s.overdue ? <Tag color="red">{t('disputes.sweeps.overdue')}</Tag> : null}
          </Space>
          <Progress percent={s.gridCount ? Math.round((s.answered / s.gridCount) * 100) : 0} status={s.missing.length === 0 ? 'success' : s.overdue ? 'exception' : 'active'} />
          {s.missing.length ? (
            <div data-testid="sweep-missing-grids">
              <Typography.Text type="danger">{t('disputes.sweeps.missingGrids')}（{s.missing.length}）：</Typography.Text>
              <Space wrap size={4}>
                {byCommunity(s).map((c) => (
                  <Tag key={c.name} color={c.missing === c.total ? 'red' : 'orange'} data-testid="sweep-missing-community" title={c.names.join('、')}>
                    {c.name} {c.missing}/{c.total}
                  </Tag>
                ))}
              </Space>
            </div>
          ) : <Typography.Text type="success">{t('disputes.sweeps.allAnswered')}</Typography.Text>}
        </Space>
      </Card>
      <Segmented value={show} onChange={(v) => setShow(v as typeof show)} style={{ marginBottom: 8 }} data-testid="sweep-show"
        options={[{ value: 'all', label: t('disputes.sweeps.showAll') }, { value: 'missing', label: t('disputes.sweeps.notAnswered') }, { value: 'answered', label: t('disputes.sweeps.reported') }]} />
      <Table<SweepGrid> rowKey="gridId" size="small" columns={columns} pagination={{ pageSize: 20, showSizeChanger: false }} title={() => t('disputes.sweeps.grids')} data-testid="sweep-grids"
        dataSource={s.grids.filter((g) => (show === 'all' ? true : show === 'missing' ? !g.answered : g.answered))}
        onRow={(g) => ({ 'data-testid': 'sweep-grid-row', 'data-answered': String(g.answered) } as React.HTMLAttributes<HTMLElement>)} />
      <ReportDialog sweep={s} grid={reporting} onClose={() => setReporting(null)} onDone={(next) => { setReporting(null); setFresh(next); }} />
    </div>
  );
}

/** The grids not answered, by community: how many of its grids are missing, with their names on hover. */
function byCommunity(s: SweepDetail): { name: string; missing: number; total: number; names: string[] }[] {
  const out = new Map<string, { name: string; missing: number; total: number; names: string[] }>();
  for (const g of s.grids) {
    const name = g.communityName ?? g.gridName;
    const c = out.get(name) ?? { name, missing: 0, total: 0, names: [] };
    c.total += 1;
    if (!g.answered) { c.missing += 1; c.names.push(g.gridName); }
    out.set(name, c);
  }
  return [...out.values()].filter((c) => c.missing > 0);
}

/** 上报: none found, or the disputes of that grid the sweep found (picked from the grid's disputes). */
export function ReportDialog({ sweep, grid, onClose, onDone }: { sweep: SweepDetail; grid: { gridId: string; gridName: string } | null; onClose(): void; onDone(s: SweepDetail): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [noneFound, setNoneFound] = useState(true);
  const [ids, setIds] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const key = useRef(newIdempotencyKey());
  const disputes = useApi(grid && !noneFound ? (signal) => listDisputes({ orgUnitId: grid.gridId }, null, signal) : null, [grid?.gridId, noneFound]);
  const save = async () => {
    if (!grid) return;
    setSaving(true);
    try {
      const next = await reportSweep(sweep.id, { gridId: grid.gridId, noneFound, disputeIds: noneFound ? [] : ids, note: note.trim() || null }, key.current);
      message.success(t('disputes.sweeps.reportDone'));
      key.current = newIdempotencyKey();
      onDone(next);
    } catch (e) {
      setError(errorText(e, i18n.language));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={!!grid} onCancel={onClose} destroyOnHidden title={grid ? t('disputes.sweeps.reportTitle', { grid: grid.gridName }) : ''} onOk={() => void save()} confirmLoading={saving}
      okText={t('disputes.actions.ok')} cancelText={t('disputes.actions.cancel')} okButtonProps={{ 'data-testid': 'sweep-report-ok' } as ButtonProps}>
      <Form layout="vertical" component="div">
        <Form.Item><Checkbox checked={noneFound} onChange={(e) => setNoneFound(e.target.checked)} data-testid="sweep-none">{t('disputes.sweeps.reportNone')}</Checkbox></Form.Item>
        {!noneFound ? (
          <Form.Item label={t('disputes.sweeps.reportDisputes')}>
            <Select mode="multiple" value={ids} onChange={setIds} loading={disputes.loading} optionFilterProp="label"
              options={(disputes.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.number} ${d.subclassName ?? d.className}` }))} />
          </Form.Item>
        ) : null}
        <Form.Item label={t('disputes.sweeps.reportNote')}><Input.TextArea rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} /></Form.Item>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}
