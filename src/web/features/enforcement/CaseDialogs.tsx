// The dialogs of an enforcement case's steps: 确认裁量 (the proposed band, or another with the departure reason the rule
// asks for, shown live), 法制审核 (approve / return with an opinion), 作出决定, 登记缴款, 登记执行, 结案, 撤销, 修改事实
// and 添加证据. Each posts one action with its own Idempotency-Key and hands back the case as the server answers it.
import { useMemo, useRef, useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Radio, Select, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { penaltyDeparture } from '../../../domain/enforcement/benchmarks.ts';
import { EVIDENCE_KINDS, type EvidenceKind, type Facts, type PenaltyKind } from '../../../shared/enforcement.ts';
import { errorText } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { caseAction, fetchBenchmarks, newIdempotencyKey, type ActionBodies, type CaseDetail } from './api.ts';
import { BandPreview, EvidencePhotos, FactsFields, type PhotoState } from './facts.tsx';
import { bandText } from './parts.tsx';

export type DialogKind = 'confirm-band' | 'review' | 'decide' | 'pay' | 'execute' | 'close' | 'drop' | 'update-facts' | 'add-evidence';

interface Props { kind: DialogKind | null; kase: CaseDetail; onClose(): void; onDone(c: CaseDetail, action: DialogKind): void }

export function CaseDialog(props: Props) {
  if (!props.kind) return null;
  switch (props.kind) {
    case 'confirm-band': return <ConfirmBandDialog {...props} />;
    case 'review': return <ReviewDialog {...props} />;
    case 'update-facts': return <FactsDialog {...props} />;
    case 'add-evidence': return <EvidenceDialog {...props} />;
    default: return <SimpleDialog {...props} kind={props.kind} />;
  }
}

/** Runs one action with a key kept for the dialog's life (a retry after a lost answer does it once). */
function useRun(kase: CaseDetail, onDone: Props['onDone']) {
  const { i18n } = useTranslation();
  const key = useRef(newIdempotencyKey());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async <A extends keyof ActionBodies>(action: A, body: ActionBodies[A]) => {
    setBusy(true); setError(null);
    try {
      onDone(await caseAction(kase.id, action, body, key.current), action as DialogKind);
    } catch (e) {
      setError(errorText(e, i18n.language));
      key.current = newIdempotencyKey();
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, error };
}

function ConfirmBandDialog({ kase, onClose, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const rules = useApi((signal) => fetchBenchmarks(kase.matter.code, signal), [kase.matter.code]);
  const proposedBand = kase.proposed.penalty;
  const firstKind: PenaltyKind = proposedBand.kinds.includes('fine') ? 'fine' : proposedBand.kinds[0] ?? 'warning';
  const [benchmarkKey, setBenchmarkKey] = useState(kase.proposed.benchmarkKey);
  const [kind, setKind] = useState<PenaltyKind>(firstKind);
  const [fine, setFine] = useState<number | null>(firstKind === 'fine' ? proposedBand.minYuan : null);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const { run, busy, error } = useRun(kase, onDone);
  const picked = rules.data?.benchmarks.find((b) => b.key === benchmarkKey);
  const departure = useMemo(() => (rules.data
    ? penaltyDeparture(rules.data, kase.proposed.benchmarkKey, { benchmarkKey, penalty: { kind, fineYuan: kind === 'fine' ? fine : null } })
    : { departs: false, reasons: [], reasonsEn: [] }), [rules.data, benchmarkKey, kind, fine, kase.proposed.benchmarkKey]);
  const kinds: PenaltyKind[] = ['none', 'warning', 'fine', 'confiscation'];
  // another band starts from its own kind and lowest fine
  const pickBenchmark = (key: string) => {
    setBenchmarkKey(key);
    const band = rules.data?.benchmarks.find((b) => b.key === key)?.penalty;
    if (!band) return;
    const k: PenaltyKind = band.kinds.includes('fine') ? 'fine' : band.kinds[0] ?? 'warning';
    setKind(k);
    setFine(k === 'fine' ? band.minYuan : null);
  };
  const ok = () => {
    setTouched(true);
    if (kind === 'fine' && !fine) return;
    if (departure.departs && !reason.trim()) return;
    void run('confirm-band', { benchmarkKey, penalty: { kind, fineYuan: kind === 'fine' ? fine : null }, ...(departure.departs ? { departureReason: reason.trim() } : {}) });
  };
  return (
    <Modal open title={t('enf.dialogs.confirmTitle')} onCancel={onClose} onOk={ok} okText={t('enf.actions.confirm-band')} cancelText={t('enf.cancel')} confirmLoading={busy} destroyOnHidden
      okButtonProps={{ 'data-testid': 'confirm-band-ok' } as ButtonProps} width={560}>
      <div data-testid="confirm-band-dialog">
        <Alert type="info" style={{ marginBottom: 12 }} title={<span>{t('enf.band.proposed')}：<strong>{kase.proposed.name}</strong> · {bandText(t, proposedBand)}</span>} />
        <Form layout="vertical" component="div">
          <Form.Item label={t('enf.dialogs.benchmark')}>
            <Select value={benchmarkKey} onChange={pickBenchmark} loading={rules.loading} data-testid="confirm-benchmark"
              options={(rules.data?.benchmarks ?? []).map((b) => ({ value: b.key, label: `${b.name} · ${bandText(t, b.penalty)}` }))} />
          </Form.Item>
          <Form.Item label={t('enf.dialogs.penaltyKind')}>
            <Radio.Group optionType="button" value={kind} onChange={(e) => { setKind(e.target.value as PenaltyKind); if (e.target.value === 'fine' && fine === null) setFine(picked?.penalty.minYuan ?? null); }} data-testid="confirm-kind"
              options={kinds.map((k) => ({ value: k, label: t(`enf.penaltyKinds.${k}`) }))} />
          </Form.Item>
          {kind === 'fine' ? (
            <Form.Item label={t('enf.dialogs.fineYuan')} validateStatus={touched && !fine ? 'error' : undefined}>
              <span data-testid="confirm-fine"><InputNumber<number> min={0} max={10_000_000} value={fine} onChange={setFine} suffix={t('enf.yuan')} style={{ width: 200 }} /></span>
            </Form.Item>
          ) : null}
          {departure.departs ? (
            <>
              <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('enf.dialogs.departs')} data-testid="confirm-departs"
                description={(i18n.language.startsWith('zh') ? departure.reasons : departure.reasonsEn).join('；')} />
              <Form.Item label={t('enf.band.departureReason')} required validateStatus={touched && !reason.trim() ? 'error' : undefined}>
                <Input.TextArea rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('enf.dialogs.departureHint')} data-testid="confirm-reason" />
              </Form.Item>
            </>
          ) : null}
        </Form>
        {error ? <Alert type="error" showIcon title={error} data-testid="dialog-error" /> : null}
      </div>
    </Modal>
  );
}

function ReviewDialog({ kase, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [approved, setApproved] = useState(true);
  const [opinion, setOpinion] = useState('');
  const [touched, setTouched] = useState(false);
  const { run, busy, error } = useRun(kase, onDone);
  const c = kase.confirmed;
  return (
    <Modal open title={t('enf.dialogs.reviewTitle')} onCancel={onClose} okText={t('enf.ok')} cancelText={t('enf.cancel')} confirmLoading={busy} destroyOnHidden
      onOk={() => { setTouched(true); if (opinion.trim()) void run('review', { approved, opinion: opinion.trim() }); }} okButtonProps={{ 'data-testid': 'review-ok' } as ButtonProps}>
      <div data-testid="review-dialog">
        {c ? (
          <Typography.Paragraph>
            {t('enf.band.confirmed')}：<strong>{c.name}</strong>{kase.departure ? `（${t('enf.band.departure')}：${kase.departureReason ?? ''}）` : ''}
          </Typography.Paragraph>
        ) : null}
        <Radio.Group optionType="button" buttonStyle="solid" value={approved} onChange={(e) => setApproved(e.target.value as boolean)} style={{ marginBottom: 12 }} data-testid="review-approved"
          options={[{ value: true, label: t('enf.dialogs.approve') }, { value: false, label: t('enf.dialogs.return') }]} />
        <Form layout="vertical" component="div">
          <Form.Item label={t('enf.dialogs.opinion')} required validateStatus={touched && !opinion.trim() ? 'error' : undefined}>
            <Input.TextArea rows={3} maxLength={500} value={opinion} onChange={(e) => setOpinion(e.target.value)} placeholder={t('enf.dialogs.opinionHint')} data-testid="review-opinion" />
          </Form.Item>
        </Form>
        {error ? <Alert type="error" showIcon title={error} data-testid="dialog-error" /> : null}
      </div>
    </Modal>
  );
}

function FactsDialog({ kase, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const rules = useApi((signal) => fetchBenchmarks(kase.matter.code, signal), [kase.matter.code]);
  const [facts, setFacts] = useState<Facts>(() => Object.fromEntries(kase.facts.flatMap((f) => (f.value === null ? [] : [[f.key, f.value]]))));
  const { run, busy, error } = useRun(kase, onDone);
  return (
    <Modal open title={t('enf.dialogs.factsTitle')} onCancel={onClose} okText={t('enf.save')} cancelText={t('enf.cancel')} confirmLoading={busy} destroyOnHidden width={720}
      onOk={() => void run('update-facts', { facts })} okButtonProps={{ 'data-testid': 'facts-ok' } as ButtonProps}>
      {rules.data ? <FactsFields defs={rules.data.facts} value={facts} onChange={setFacts} testId="facts-dialog" /> : null}
      <div style={{ marginTop: 12 }}><BandPreview matter={rules.data ?? null} facts={facts} /></div>
      {error ? <Alert type="error" showIcon style={{ marginTop: 12 }} title={error} data-testid="dialog-error" /> : null}
    </Modal>
  );
}

function EvidenceDialog({ kase, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<EvidenceKind>('photo');
  const [photos, setPhotos] = useState<PhotoState>({ hashes: [], uploading: false });
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const { run, busy, error } = useRun(kase, onDone);
  const withFile = kind === 'photo' || kind === 'video';
  const ready = withFile ? photos.hashes.length > 0 && !photos.uploading : !!text.trim();
  return (
    <Modal open title={t('enf.dialogs.evidenceTitle')} onCancel={onClose} okText={t('enf.save')} cancelText={t('enf.cancel')} confirmLoading={busy} destroyOnHidden
      okButtonProps={{ disabled: !ready, 'data-testid': 'evidence-ok' } as ButtonProps}
      onOk={() => void run('add-evidence', { kind, ...(withFile ? { fileHash: photos.hashes[0] } : { text: text.trim() }), ...(note.trim() ? { note: note.trim() } : {}) })}>
      <Form layout="vertical" component="div">
        <Form.Item label={t('enf.dialogs.evidenceKind')}>
          <Radio.Group optionType="button" value={kind} onChange={(e) => setKind(e.target.value as EvidenceKind)}
            options={EVIDENCE_KINDS.filter((k) => k !== 'video').map((k) => ({ value: k, label: t(`enf.evidenceKinds.${k}`) }))} />
        </Form.Item>
        {withFile ? <Form.Item label={t('enf.dialogs.photo')}><EvidencePhotos onChange={setPhotos} max={1} /></Form.Item> : (
          <Form.Item label={t('enf.dialogs.evidenceText')}><Input.TextArea rows={4} maxLength={4000} value={text} onChange={(e) => setText(e.target.value)} /></Form.Item>
        )}
        <Form.Item label={t('enf.dialogs.evidenceNote')}><Input maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} /></Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} data-testid="dialog-error" /> : null}
    </Modal>
  );
}

/** decide (a confirmation), pay (receipt and amount), execute (note), close (note), drop (reason). */
function SimpleDialog({ kind, kase, onClose, onDone }: Props & { kind: 'decide' | 'pay' | 'execute' | 'close' | 'drop' }) {
  const { t } = useTranslation();
  const { run, busy, error } = useRun(kase, onDone);
  const fine = kase.decision?.penalty.fineYuan ?? null;
  const [receiptNo, setReceiptNo] = useState('');
  const [amount, setAmount] = useState<number | null>(fine);
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const titles = { decide: 'decideTitle', pay: 'payTitle', execute: 'executeTitle', close: 'closeTitle', drop: 'dropTitle' } as const;
  const ok = () => {
    setTouched(true);
    switch (kind) {
      case 'decide': return void run('decide', {});
      case 'pay': if (receiptNo.trim() && amount !== null) void run('pay', { receiptNo: receiptNo.trim(), amountYuan: amount }); return;
      case 'execute': if (text.trim()) void run('execute', { note: text.trim() }); return;
      case 'close': return void run('close', text.trim() ? { note: text.trim() } : {});
      case 'drop': if (text.trim()) void run('drop', { reason: text.trim() }); return;
      default: { const never: never = kind; return never; }
    }
  };
  return (
    <Modal open title={t(`enf.dialogs.${titles[kind]}`)} onCancel={onClose} onOk={ok} okText={t(`enf.actions.${kind}`)} cancelText={t('enf.cancel')} confirmLoading={busy} destroyOnHidden
      okButtonProps={{ danger: kind === 'drop', 'data-testid': `${kind}-ok` } as ButtonProps}>
      <div data-testid={`${kind}-dialog`}>
        {kind === 'decide' ? <Typography.Paragraph>{t('enf.dialogs.decideConfirm')}</Typography.Paragraph> : null}
        {kind === 'pay' ? (
          <Form layout="vertical" component="div">
            <Form.Item label={t('enf.dialogs.receiptNo')} required validateStatus={touched && !receiptNo.trim() ? 'error' : undefined}>
              <Input maxLength={50} value={receiptNo} onChange={(e) => setReceiptNo(e.target.value)} data-testid="pay-receipt" />
            </Form.Item>
            <Form.Item label={t('enf.dialogs.amountYuan')} required>
              <span data-testid="pay-amount"><InputNumber<number> min={0} value={amount} onChange={setAmount} suffix={t('enf.yuan')} style={{ width: 200 }} /></span>
            </Form.Item>
          </Form>
        ) : null}
        {kind === 'execute' || kind === 'close' || kind === 'drop' ? (
          <Form layout="vertical" component="div">
            {kind === 'close' ? <Typography.Paragraph type="secondary">{t('enf.dialogs.closeHint')}</Typography.Paragraph> : null}
            <Form.Item label={kind === 'drop' ? t('enf.dialogs.reason') : t('enf.dialogs.note')} required={kind !== 'close'} validateStatus={touched && kind !== 'close' && !text.trim() ? 'error' : undefined}>
              <Input.TextArea rows={3} maxLength={500} value={text} onChange={(e) => setText(e.target.value)} data-testid={`${kind}-text`}
                placeholder={kind === 'drop' ? t('enf.dialogs.dropHint') : kind === 'execute' ? t('enf.dialogs.executeHint') : undefined} />
            </Form.Item>
          </Form>
        ) : null}
        {error ? <Alert type="error" showIcon title={error} data-testid="dialog-error" /> : null}
      </div>
    </Modal>
  );
}
