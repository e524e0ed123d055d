// /m/disputes/:id: one dispute on the phone — what happened, the parties (masked; a resident sees themself whole), the
// risk, tier and handling unit, the mediations with their terms and agreement number, the follow-ups; 记录调解 for a
// grid worker who may mediate. A resident reads it only.
import { useState } from 'react';
import { Button, DotLoading, ErrorBlock, Form, Input, List, NoticeBar, Popup, Selector, Space, TextArea, Toast } from 'antd-mobile';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MEDIATION_OUTCOMES, MEDIATOR_KINDS, type MediationOutcome, type MediatorKind } from '../../../../shared/disputes.ts';
import { useMe } from '../../../app/auth.tsx';
import { errorText } from '../../../lib/api.ts';
import { timeText } from '../../../lib/time-text.ts';
import { useApi } from '../../../lib/useApi.ts';
import { Card, MobilePage } from '../../cases/public.ts';
import { fetchDispute, mediationOf, newIdempotencyKey, recordMediation, type DisputeDetail } from '../api.ts';
import { MRiskTag, MStatusTag, MTierTag } from './parts.tsx';
import '../locales.ts';

export function MobileDisputePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const me = useMe();
  const loaded = useApi((signal) => fetchDispute(id, false, signal), [id]);
  const [fresh, setFresh] = useState<DisputeDetail | null>(null);
  const [mediating, setMediating] = useState(false);
  const d = fresh ?? loaded.data;
  if (loaded.error) return <MobilePage title={t('disputes.mobile.title')} back="/m/disputes"><ErrorBlock status="default" title={errorText(loaded.error, i18n.language)} description="" /></MobilePage>;
  if (!d) return <MobilePage title={t('disputes.mobile.title')} back="/m/disputes"><div style={{ textAlign: 'center', padding: 32 }}><DotLoading /></div></MobilePage>;
  const mediations = d.mediations.map((m) => mediationOf(m));
  const partyName = (seq: number) => d.parties.find((p) => p.seq === seq)?.name ?? '';
  return (
    <MobilePage title={d.subclassName ?? d.className} back="/m/disputes" testId="m-dispute-page"
      footer={d.policies.includes('mediate') ? <Button color="primary" onClick={() => setMediating(true)} data-testid="m-mediate">{t('disputes.actions.mediate')}</Button> : undefined}>
      {me.kind === 'resident' ? <NoticeBar content={t('disputes.mobile.readOnly')} color="info" wrap /> : null}
      <Card title={<Space><MStatusTag status={d.status} /><MTierTag tier={d.tier} /><MRiskTag risk={d.risk.level} /></Space>}>
        <div className="mc-number" style={{ fontSize: 15 }} translate="no">{d.number}</div>
        <p style={{ whiteSpace: 'pre-wrap', margin: '8px 0' }} data-testid="m-dispute-description">{d.description}</p>
        <div className="mc-hint">{d.handlingUnitName} · {timeText(d.createdAt)}</div>
        {d.risk.reasons.length ? <div className="mc-hint">{t('disputes.detail.riskReasons')}：{d.risk.reasons.join('；')}</div> : null}
      </Card>
      <List header={t('disputes.detail.parties')} data-testid="m-dispute-parties">
        {d.parties.map((p) => (
          <List.Item key={p.seq} description={[p.phone, p.address].filter(Boolean).join(' · ')} extra={t(`disputes.roles.${p.role}`)}>
            <span data-testid="m-party-name-cell">{p.name}</span>
          </List.Item>
        ))}
      </List>
      <Card title={t('disputes.detail.mediations')} testId="m-dispute-mediations">
        {mediations.length === 0 ? <div className="mc-hint">{t('disputes.detail.noMediations')}</div> : mediations.map((m) => (
          <div key={m.id} style={{ borderLeft: '3px solid #1f5fa8', paddingLeft: 10, marginBottom: 12 }} data-testid="m-mediation">
            <strong>{t('disputes.detail.session', { seq: m.seq })} · {t(`disputes.outcomes.${m.outcome}`)}</strong>
            <div className="mc-hint">{timeText(m.at)} · {m.place} · {m.mediator.name}</div>
            {m.statements.map((s) => <div key={s.partySeq} style={{ fontSize: 13 }}>{partyName(s.partySeq)}：{s.said}</div>)}
            {m.terms.length ? <ol style={{ margin: '4px 0', paddingLeft: 20 }}>{m.terms.map((x, i) => <li key={i}>{x}</li>)}</ol> : null}
            {m.agreementNumber ? <div className="mc-hint">{t('disputes.detail.agreementNumber')}：{m.agreementNumber}</div> : null}
          </div>
        ))}
      </Card>
      {d.followUps.length ? (
        <Card title={t('disputes.detail.followUps')}>
          {d.followUps.map((f) => <div key={f.id} className="mc-hint">{timeText(f.at)} · {t(`disputes.methods.${f.method}`)} · {f.holds ? t('disputes.detail.holdsYes') : t('disputes.detail.holdsNo')}{f.note ? ` · ${f.note}` : ''}</div>)}
        </Card>
      ) : null}
      <MediationPopup dispute={d} open={mediating} onClose={() => setMediating(false)} onDone={(next) => { setMediating(false); setFresh(next); Toast.show({ icon: 'success', content: t('disputes.mediation.saved') }); }} />
    </MobilePage>
  );
}

function MediationPopup({ dispute, open, onClose, onDone }: { dispute: DisputeDetail; open: boolean; onClose(): void; onDone(d: DisputeDetail): void }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [place, setPlace] = useState('');
  const [kind, setKind] = useState<MediatorKind>('gridWorker');
  const [said, setSaid] = useState<Record<number, string>>({});
  const [terms, setTerms] = useState('');
  const [outcome, setOutcome] = useState<MediationOutcome>('resolved');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [key] = useState(newIdempotencyKey);
  const save = async () => {
    const list = terms.split('\n').map((x) => x.trim()).filter(Boolean);
    if (!place.trim()) { setError(t('disputes.form.required', { field: t('disputes.mediation.place') })); return; }
    if (outcome !== 'failed' && !list.length) { setError(t('disputes.mediation.termsRequired')); return; }
    setSaving(true);
    try {
      onDone(await recordMediation(dispute.id, {
        at: new Date().toISOString(), place: place.trim(), mediator: { kind, name: me.name },
        attendees: dispute.parties.map((p) => ({ name: p.name, partySeq: p.seq })),
        statements: dispute.parties.flatMap((p) => (said[p.seq]?.trim() ? [{ partySeq: p.seq, said: said[p.seq]!.trim() }] : [])),
        agreed: null, terms: list, outcome,
      }, key));
    } catch (e) {
      setError(errorText(e, i18n.language));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Popup visible={open} onMaskClick={onClose} bodyStyle={{ maxHeight: '88vh', overflow: 'auto', borderTopLeftRadius: 12, borderTopRightRadius: 12 }}>
      <Form layout="vertical" data-testid="m-mediation-form"
        footer={<Button block color="primary" loading={saving} onClick={() => void save()} data-testid="m-mediation-save">{t('disputes.actions.ok')}</Button>}>
        <Form.Header>{t('disputes.mediation.title')}</Form.Header>
        <Form.Item label={t('disputes.mediation.place')} required><Input value={place} onChange={setPlace} placeholder={t('disputes.mediation.placePh')} data-testid="m-mediation-place" /></Form.Item>
        <Form.Item label={t('disputes.mediation.mediatorKind')}>
          <Selector columns={2} value={[kind]} onChange={(v) => v[0] && setKind(v[0] as MediatorKind)} options={MEDIATOR_KINDS.map((k) => ({ value: k, label: t(`disputes.mediatorKinds.${k}`) }))} />
        </Form.Item>
        {dispute.parties.map((p) => (
          <Form.Item key={p.seq} label={`${t(`disputes.roles.${p.role}`)} ${p.name}`}>
            <TextArea rows={2} value={said[p.seq] ?? ''} onChange={(v) => setSaid((s) => ({ ...s, [p.seq]: v }))} placeholder={t('disputes.mediation.saidPh', { name: p.name })} />
          </Form.Item>
        ))}
        <Form.Item label={t('disputes.mediation.outcome')} required>
          <Selector columns={3} value={[outcome]} onChange={(v) => v[0] && setOutcome(v[0] as MediationOutcome)} options={MEDIATION_OUTCOMES.map((o) => ({ value: o, label: t(`disputes.outcomes.${o}`) }))} data-testid="m-mediation-outcome" />
        </Form.Item>
        <Form.Item label={t('disputes.mediation.terms')} help={t('disputes.mediation.termPh', { n: '1、2、3' })}>
          <TextArea rows={4} value={terms} onChange={setTerms} data-testid="m-mediation-terms" />
        </Form.Item>
        {error ? <div className="mc-error" style={{ padding: '0 16px' }}>{error}</div> : null}
      </Form>
    </Popup>
  );
}
