// /m/points/peer-review: 组互评 on the grid worker's phone — the households of their grid whose self-report (户自查)
// waits for the group's review, and for each the items it claimed, agreed or not one by one, with a note.
import { useEffect, useState } from 'react';
import { Button, DotLoading, ErrorBlock, List, Popup, Selector, Space, Tag, TextArea, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { MobilePage } from '../../cases/public.ts';
import { actOnAssessment, listAssessments, type Assessment } from '../api.ts';
import '../locales.ts';

export function PeerReviewPage() {
  const { t, i18n } = useTranslation();
  const list = useApi((signal) => listAssessments({ status: 'selfReported' }, null, signal), []);
  const [open, setOpen] = useState<Assessment | null>(null);
  const rows = (list.data?.items ?? []).filter((a) => a.policies.includes('peerReview'));
  return (
    <MobilePage title={t('points.peer.title')} back="/m" testId="m-peer-review-page">
      {list.loading && !list.data ? <div style={{ textAlign: 'center', padding: 32 }}><DotLoading /></div>
        : list.error ? <ErrorBlock status="default" title={errorText(list.error, i18n.language)} description="" />
        : !rows.length ? <ErrorBlock status="empty" title={t('points.peer.empty')} description="" />
        : (
          <List data-testid="m-peer-list">
            {rows.map((a) => (
              <List.Item key={a.id} onClick={() => setOpen(a)} data-testid="m-peer-row"
                description={<Space wrap><span>{a.gridName}</span><span>{t('points.peer.period', { period: a.period })}</span></Space>}
                extra={<Tag color="warning">{t('points.peer.items', { count: a.items.filter((i) => i.claimed).length })}</Tag>}>
                <div>{a.headName ?? a.address}</div>
                <div style={{ fontSize: 13, color: '#8a94a3' }}>{a.address}</div>
              </List.Item>
            ))}
          </List>
        )}
      <ReviewPopup assessment={open} onClose={() => setOpen(null)}
        onDone={() => { setOpen(null); list.reload(); Toast.show({ icon: 'success', content: t('points.peer.submitted') }); }} />
    </MobilePage>
  );
}

function ReviewPopup({ assessment: a, onClose, onDone }: { assessment: Assessment | null; onClose(): void; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const [verdicts, setVerdicts] = useState<Record<string, boolean>>({});
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setVerdicts(Object.fromEntries((a?.items ?? []).filter((i) => i.claimed).map((i) => [i.ruleCode, true])));
    setNote('');
    setError(null);
  }, [a?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const submit = async () => {
    if (!a) return;
    setSaving(true);
    try {
      const items = a.items.map((i) => ({ ruleCode: i.ruleCode, claimed: i.claimed, note: i.note, peer: i.claimed ? verdicts[i.ruleCode] ?? true : null }));
      await actOnAssessment(a.id, 'peer-review', { version: a.version, items, ...(note.trim() ? { note: note.trim() } : {}) });
      onDone();
    } catch (e) {
      setError(errorText(e, i18n.language));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Popup visible={!!a} onMaskClick={onClose} bodyStyle={{ maxHeight: '85vh', overflow: 'auto', padding: 16, borderTopLeftRadius: 12, borderTopRightRadius: 12 }}>
      {a ? (
        <Space direction="vertical" block data-testid="m-peer-popup">
          <strong style={{ fontSize: 17 }}>{a.headName ?? a.address}</strong>
          <div style={{ color: '#8a94a3', fontSize: 13 }}>{a.address} · {t('points.peer.period', { period: a.period })}</div>
          <div style={{ color: '#8a94a3', fontSize: 13 }}>{t('points.peer.claimedOnly')}</div>
          {a.items.filter((i) => i.claimed).map((i) => (
            <div key={i.ruleCode} style={{ padding: 12, borderRadius: 8, background: '#f5f7fa', boxSizing: 'border-box', width: '100%' }} data-testid="m-peer-item">
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <span>{i.ruleName}</span><span style={{ color: '#27ae60', whiteSpace: 'nowrap' }}>+{i.points}</span>
              </div>
              {i.note ? <div style={{ color: '#8a94a3', fontSize: 13, marginTop: 4 }}>{i.note}</div> : null}
              <Selector style={{ marginTop: 8 }} value={[verdicts[i.ruleCode] === false ? 'n' : 'y']} onChange={(v) => v[0] && setVerdicts({ ...verdicts, [i.ruleCode]: v[0] === 'y' })}
                options={[{ label: t('points.peer.agree'), value: 'y' }, { label: t('points.peer.disagree'), value: 'n' }]} />
            </div>
          ))}
          <TextArea rows={2} value={note} onChange={setNote} placeholder={t('points.peer.note')} maxLength={500} />
          <Button block color="primary" size="large" loading={saving} onClick={() => void submit()} data-testid="m-peer-submit">{t('points.peer.submit')}</Button>
          {error ? <div className="mc-error">{error}</div> : null}
        </Space>
      ) : null}
    </Popup>
  );
}
