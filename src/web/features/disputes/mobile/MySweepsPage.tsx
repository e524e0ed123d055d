// /m/disputes/sweeps: a grid worker's open sweeps (大排查), one row per sweep and grid of theirs — answered or not — and
// 上报: "no dispute found" in one tap, or the grid's disputes found.
import { useState } from 'react';
import { Button, Checkbox, DotLoading, ErrorBlock, List, Popup, Space, Tag, TextArea, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { MobilePage } from '../../cases/public.ts';
import { listDisputes, mySweeps, newIdempotencyKey, reportSweep, type MySweeps } from '../api.ts';
import '../locales.ts';

type Row = MySweeps['items'][number];

export function MySweepsPage() {
  const { t, i18n } = useTranslation();
  const list = useApi((signal) => mySweeps(signal), []);
  const [reporting, setReporting] = useState<Row | null>(null);
  return (
    <MobilePage title={t('disputes.mobile.sweeps')} back="/m/disputes" testId="m-sweeps-page">
      {list.loading && !list.data ? <div style={{ textAlign: 'center', padding: 32 }}><DotLoading /></div>
        : list.error ? <ErrorBlock status="default" title={errorText(list.error, i18n.language)} description="" />
        : !list.data?.items.length ? <ErrorBlock status="empty" title={t('disputes.mobile.sweepsEmpty')} description="" />
        : (
          <List data-testid="m-sweep-list">
            {list.data.items.map((s) => (
              <List.Item key={`${s.sweepId}-${s.gridId}`} data-testid="m-sweep-row"
                description={<Space wrap><span>{s.gridName}</span><span>{t('disputes.sweeps.col.due')} {s.dueOn}</span>{s.overdue ? <Tag color="danger">{t('disputes.sweeps.overdue')}</Tag> : null}</Space>}
                extra={s.answered
                  ? <Tag color="success">{s.noneFound ? t('disputes.sweeps.noneFound') : t('disputes.sweeps.count', { count: s.count })}</Tag>
                  : <Button size="mini" color="primary" onClick={() => setReporting(s)} data-testid="m-sweep-report">{t('disputes.sweeps.report')}</Button>}>
                {s.title}
              </List.Item>
            ))}
          </List>
        )}
      <ReportPopup row={reporting} onClose={() => setReporting(null)} onDone={() => { setReporting(null); list.reload(); Toast.show({ icon: 'success', content: t('disputes.sweeps.reportDone') }); }} />
    </MobilePage>
  );
}

function ReportPopup({ row, onClose, onDone }: { row: Row | null; onClose(): void; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const [ids, setIds] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [key] = useState(newIdempotencyKey);
  const disputes = useApi(row ? (signal) => listDisputes({ orgUnitId: row.gridId }, null, signal) : null, [row?.gridId]);
  const send = async (noneFound: boolean) => {
    if (!row) return;
    setSaving(true);
    try {
      await reportSweep(row.sweepId, { gridId: row.gridId, noneFound, disputeIds: noneFound ? [] : ids, note: note.trim() || null }, `${key}-${row.sweepId}-${row.gridId}`);
      onDone();
    } catch (e) {
      setError(errorText(e, i18n.language));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Popup visible={!!row} onMaskClick={onClose} bodyStyle={{ maxHeight: '80vh', overflow: 'auto', padding: 16, borderTopLeftRadius: 12, borderTopRightRadius: 12 }}>
      {row ? (
        <Space direction="vertical" block>
          <strong>{t('disputes.sweeps.reportTitle', { grid: row.gridName })}</strong>
          <Button block color="success" loading={saving} onClick={() => void send(true)} data-testid="m-sweep-none">{t('disputes.sweeps.reportNone')}</Button>
          <div className="mc-hint">{t('disputes.sweeps.reportDisputes')}</div>
          <Checkbox.Group value={ids} onChange={(v) => setIds(v as string[])}>
            <Space direction="vertical">
              {(disputes.data?.items ?? []).map((d) => <Checkbox key={d.id} value={d.id}>{d.subclassName ?? d.className}（{d.partyNames.slice(0, 2).join('、')}）</Checkbox>)}
            </Space>
          </Checkbox.Group>
          <TextArea rows={2} value={note} onChange={setNote} placeholder={t('disputes.sweeps.reportNote')} />
          <Button block color="primary" disabled={!ids.length} loading={saving} onClick={() => void send(false)}>{t('disputes.sweeps.report')}</Button>
          {error ? <div className="mc-error">{error}</div> : null}
        </Space>
      ) : null}
    </Popup>
  );
}
