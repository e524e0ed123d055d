// 案卷详情 (/m/cases/:id): number, status, category, description, before/after photos, deadlines with lights,
// the timeline, and the actions the caller may take now (from `policies`): 核查通过, 核查不通过 (reason),
// 现场处置 (after-photo), 评价 (5 labelled choices + comment).
import { useState, type ReactNode } from 'react';
import { Button, Dialog, DotLoading, ErrorBlock, Popup, TextArea, Toast } from 'antd-mobile';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { CASE_LIMITS, type CaseAction } from '../../../../shared/cases.ts';
import { caseAction, fetchCase, type ActionInput, type CaseDetail } from '../api.ts';
import { OnSpotForm } from './OnSpotForm.tsx';
import { VerificationNote } from './RoutingNotice.tsx';
import { Card, ClockList, formatTime, MobilePage, PhotoGrid, StatusTag, TimelineSteps } from './ui.tsx';
import { CaseThingText } from '../../registry/thing-picker/mobile/public.ts';
import { MobileLoopEnforcement } from '../../enforcement/mobile/public.ts';

/** The actions these pages offer, in the order of their buttons; other policies belong to the desk. */
const MOBILE_ACTIONS: CaseAction[] = ['resolve_on_spot', 'reopen', 'verify', 'rate'];

export function CaseDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const loaded = useApi((signal) => fetchCase(id, signal), [id]);
  const [override, setOverride] = useState<CaseDetail | null>(null);
  const kase = override && override.id === id && (!loaded.data || override.version >= loaded.data.version) ? override : loaded.data;
  const [sheet, setSheet] = useState<null | 'reopen' | 'resolve_on_spot' | 'rate'>(null);
  const [busy, setBusy] = useState(false);

  const reload = async () => { setOverride(await fetchCase(id)); };

  const run = async (action: CaseAction, body: ActionInput): Promise<boolean> => {
    if (!kase) return false;
    setBusy(true);
    try {
      setOverride(await caseAction(kase.id, action, { version: kase.version, ...body }));
      Toast.show({ icon: 'success', content: t('mcase.detail.done') });
      return true;
    } catch (e) {
      if (e instanceof ApiError && (e.code === 'CASE_STALE_VERSION' || e.code === 'CASE_INVALID_TRANSITION')) {
        Toast.show({ content: e.code === 'CASE_STALE_VERSION' ? t('mcase.detail.stale') : errorText(e, i18n.language) });
        await reload().catch(() => undefined);
        return true;
      }
      Toast.show({ icon: 'fail', content: errorText(e, i18n.language) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const verify = () => {
    Dialog.confirm({
      title: t('mcase.detail.verifyTitle'), content: t('mcase.detail.verifyConfirm'),
      confirmText: t('mcase.detail.confirm'), cancelText: t('mcase.detail.cancel'),
      onConfirm: async () => { await run('verify', {}); },
    });
  };

  if (loaded.loading && !kase) return <MobilePage title={t('mcase.title.detail')} back="/m/cases"><div style={{ textAlign: 'center', padding: 40 }}><DotLoading color="primary" /></div></MobilePage>;
  if (!kase) {
    return (
      <MobilePage title={t('mcase.title.detail')} back="/m/cases">
        <ErrorBlock status="default" title={errorText(loaded.error, i18n.language)}
          description={<Button size="small" onClick={loaded.reload}>{t('mcase.common.retry')}</Button>} />
      </MobilePage>
    );
  }

  const actions = MOBILE_ACTIONS.filter((a) => kase.policies.includes(a));
  const before = kase.photos.filter((p) => p.phase === 'before');
  const after = kase.photos.filter((p) => p.phase === 'after');
  const button = (a: CaseAction): ReactNode => {
    const common = { size: 'large' as const, disabled: busy, 'data-testid': `action-${a}` };
    switch (a) {
      case 'verify': return <Button key={a} {...common} color="success" onClick={verify}>{t('mcase.actions.verify')}</Button>;
      case 'reopen': return <Button key={a} {...common} color="danger" fill="outline" onClick={() => setSheet('reopen')}>{t('mcase.actions.reopen')}</Button>;
      case 'resolve_on_spot': return <Button key={a} {...common} color="success" onClick={() => setSheet('resolve_on_spot')}>{t('mcase.actions.resolve_on_spot')}</Button>;
      case 'rate': return <Button key={a} {...common} color="danger" onClick={() => setSheet('rate')}>{t('mcase.actions.rate')}</Button>;
      default: return null;
    }
  };

  return (
    <MobilePage title={t('mcase.title.detail')} back="/m/cases" testId="case-detail" footer={actions.length ? <>{actions.map(button)}</> : undefined}>
      <section className="mc-card">
        <div className="mc-card-body" style={{ paddingTop: 14, display: 'grid', gap: 8 }}>
          <div className="mc-case-top">
            <span className="mc-hint">{t('mcase.result.number')}</span>
            <StatusTag status={kase.status} big />
          </div>
          <div className="mc-number" data-testid="detail-number">{kase.number}</div>
          {kase.suspended ? <div className="mc-error">{t('mcase.detail.suspended')}</div> : null}
          {kase.duplicateOf ? <div className="mc-hint">{t('mcase.detail.duplicateOf')}</div> : null}
        </div>
      </section>
      <MobileLoopEnforcement kase={kase} />
      <Card title={kase.categoryName}>
        <dl className="mc-kv">
          <dt>{t('mcase.detail.description')}</dt><dd style={{ whiteSpace: 'pre-wrap' }} data-testid="detail-description">{kase.description}</dd>
          {kase.address ? <><dt>{t('mcase.detail.address')}</dt><dd>{kase.address}</dd></> : null}
          {kase.thing ? <><dt>{t('thingPicker.caseLabel')}</dt><dd><CaseThingText thing={kase.thing} /></dd></> : null}
          <dt>{t('mcase.detail.reportedAt')}</dt><dd>{formatTime(kase.createdAt, i18n.language)}</dd>
          <dt>{t('mcase.detail.tier')}</dt><dd>{t(`mcase.tiers.${kase.tier}`)}</dd>
          {kase.assignee?.name ? <><dt>{t('mcase.detail.assignee')}</dt><dd>{kase.assignee.name}</dd></> : null}
          {kase.verification ? <><dt>{t('caseLoop.drawer.verifyBy')}</dt><dd data-testid="detail-verification"><VerificationNote v={kase.verification} /></dd></> : null}
          {kase.satisfaction ? <><dt>{t('mcase.detail.satisfaction')}</dt>
            <dd data-testid="detail-satisfaction"><span className="mc-rate-stars">{'★'.repeat(kase.satisfaction.score)}</span> {t(`mcase.satisfaction.${kase.satisfaction.score}`)}
              {kase.satisfaction.comment ? <div className="mc-hint">{kase.satisfaction.comment}</div> : null}</dd></> : null}
        </dl>
      </Card>
      <Card title={t('mcase.detail.photos')} testId="detail-photos">
        {kase.photos.length === 0 ? <div className="mc-hint">{t('mcase.detail.noPhotos')}</div> : (
          <>
            {before.length ? <><div className="mc-photo-phase">{t('mcase.detail.before')}</div><PhotoGrid photos={before} /></> : null}
            {after.length ? <><div className="mc-photo-phase">{t('mcase.detail.after')}</div><PhotoGrid photos={after} /></> : null}
          </>
        )}
      </Card>
      <Card title={t('mcase.detail.deadlines')}><ClockList deadlines={kase.deadlines} /></Card>
      <Card title={t('mcase.detail.timeline')}><TimelineSteps entries={kase.timeline} /></Card>

      <Popup visible={sheet === 'reopen'} onMaskClick={() => setSheet(null)} bodyStyle={{ borderTopLeftRadius: 14, borderTopRightRadius: 14 }} destroyOnClose>
        <ReasonSheet busy={busy} onCancel={() => setSheet(null)} onSubmit={async (reason) => { if (await run('reopen', { reason })) setSheet(null); }} />
      </Popup>
      <Popup visible={sheet === 'resolve_on_spot'} onMaskClick={() => setSheet(null)} bodyStyle={{ borderTopLeftRadius: 14, borderTopRightRadius: 14 }} destroyOnClose>
        <div className="mc-popup-body">
          <div className="mc-popup-title">{t('mcase.detail.onSpotTitle')}</div>
          <OnSpotForm kase={kase} onDone={(c) => { setOverride(c); setSheet(null); }} />
        </div>
      </Popup>
      <Popup visible={sheet === 'rate'} onMaskClick={() => setSheet(null)} bodyStyle={{ borderTopLeftRadius: 14, borderTopRightRadius: 14 }} destroyOnClose>
        <RateSheet busy={busy} onCancel={() => setSheet(null)} onSubmit={async (score, comment) => { if (await run('rate', { rating: { score, ...(comment ? { comment } : {}) } })) setSheet(null); }} />
      </Popup>
    </MobilePage>
  );
}

function ReasonSheet({ busy, onCancel, onSubmit }: { busy: boolean; onCancel(): void; onSubmit(reason: string): Promise<void> }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const empty = !reason.trim();
  return (
    <div className="mc-popup-body" data-testid="reopen-sheet">
      <div className="mc-popup-title">{t('mcase.detail.reopenTitle')}</div>
      <TextArea placeholder={t('mcase.detail.reasonPlaceholder')} value={reason} onChange={setReason} rows={4} maxLength={CASE_LIMITS.reason} showCount autoFocus
        style={{ '--font-size': '16px', background: '#f7f8fa', borderRadius: 8, padding: 8 }} data-testid="reopen-reason" />
      {touched && empty ? <div className="mc-error">{t('mcase.detail.reasonRequired')}</div> : null}
      <div style={{ display: 'flex', gap: 10 }}>
        <Button block size="large" onClick={onCancel}>{t('mcase.detail.cancel')}</Button>
        <Button block size="large" color="danger" loading={busy} data-testid="reopen-submit"
          onClick={() => { setTouched(true); if (!empty) void onSubmit(reason.trim()); }}>{t('mcase.detail.submit')}</Button>
      </div>
    </div>
  );
}

function RateSheet({ busy, onCancel, onSubmit }: { busy: boolean; onCancel(): void; onSubmit(score: number, comment: string): Promise<void> }) {
  const { t } = useTranslation();
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  return (
    <div className="mc-popup-body" data-testid="rate-sheet">
      <div className="mc-popup-title">{t('mcase.detail.rateTitle')}</div>
      <div className="mc-rate-options" role="radiogroup">
        {[5, 4, 3, 2, 1].map((s) => (
          <div key={s} role="radio" aria-checked={score === s} tabIndex={0} className={`mc-rate-option${score === s ? ' mc-on' : ''}`}
            onClick={() => setScore(s)} onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') setScore(s); }} data-testid={`rate-${s}`}>
            <span className="mc-rate-stars">{'★'.repeat(s)}<span style={{ color: '#dde1e7' }}>{'★'.repeat(5 - s)}</span></span>
            <span>{t(`mcase.satisfaction.${s}`)}</span>
          </div>
        ))}
      </div>
      <TextArea placeholder={t('mcase.detail.rateComment')} value={comment} onChange={setComment} rows={2} maxLength={CASE_LIMITS.ratingComment} showCount
        style={{ '--font-size': '15px', background: '#f7f8fa', borderRadius: 8, padding: 8 }} data-testid="rate-comment" />
      <div style={{ display: 'flex', gap: 10 }}>
        <Button block size="large" onClick={onCancel}>{t('mcase.detail.cancel')}</Button>
        <Button block size="large" color="danger" loading={busy} disabled={score === null} data-testid="rate-submit"
          onClick={() => { if (score) void onSubmit(score, comment.trim()); else Toast.show({ content: t('mcase.detail.rateNeedScore') }); }}>{t('mcase.detail.submit')}</Button>
      </div>
    </div>
  );
}
