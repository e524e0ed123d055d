// 现场登记 (/m/disputes/new): a grid worker registers a dispute on foot — the class, what happened, where (the phone's
// position on the map, its grid named), the parties (name, phone, role) and whether anyone threatened extreme acts or
// how many are involved. The tier is the one the rules suggest (shown); the desk may change it later with a reason.
import { useMemo, useRef, useState } from 'react';
import { Button, Cascader, Form, Input, Selector, Stepper, Switch, TextArea, Toast } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PARTY_ROLES, type PartyRole } from '../../../../shared/disputes.ts';
import { errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { Card, MobilePage, PositionField, type LngLat } from '../../cases/public.ts';
import { listClasses, newIdempotencyKey, registerDispute } from '../api.ts';
import { emptyParty, partyInputOf, previewOf, type PartyDraft } from '../party-draft.ts';
import { MRiskTag, MTierTag } from './parts.tsx';
import '../locales.ts';

export function RegisterDisputePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const classes = useApi((signal) => listClasses(false, signal), []);
  const [klass, setKlass] = useState<string[]>([]);
  const [picking, setPicking] = useState(false);
  const [description, setDescription] = useState('');
  const [at, setAt] = useState<LngLat | null>(null);
  const [parties, setParties] = useState<PartyDraft[]>(() => [emptyParty('applicant'), emptyParty('respondent')]);
  const [threats, setThreats] = useState(false);
  const [groupSize, setGroupSize] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const key = useRef(newIdempotencyKey());

  const options = useMemo(() => (classes.data?.items ?? []).map((c) => ({
    label: c.name, value: c.code, children: c.subclasses.filter((x) => !x.retired).map((x) => ({ label: x.name, value: x.code })),
  })), [classes.data]);
  const className = (() => {
    const c = classes.data?.items.find((x) => x.code === klass[0]);
    const sub = c?.subclasses.find((x) => x.code === klass[1]);
    return c ? (sub ? `${c.name} / ${sub.name}` : c.name) : null;
  })();
  const factors = { threats, groupSize, amountYuan: null, note: null };
  const preview = previewOf(klass[0], parties, factors);
  const setParty = (k: string, patch: Partial<PartyDraft>) => setParties((ps) => ps.map((p) => (p.key === k ? { ...p, ...patch } : p)));

  const submit = async () => {
    if (!klass[0]) { setError(t('disputes.form.required', { field: t('disputes.form.class') })); return; }
    if (!description.trim()) { setError(t('disputes.form.required', { field: t('disputes.form.description') })); return; }
    if (!at) { setError(t('disputes.form.pointMissing')); return; }
    if (!parties.some((p) => p.role === 'applicant')) { setError(t('disputes.form.needApplicant')); return; }
    if (parties.some((p) => !p.name.trim())) { setError(t('disputes.form.needName')); return; }
    setError(null);
    setSaving(true);
    try {
      const d = await registerDispute({
        classCode: klass[0], subclassCode: klass[1] ?? null, description: description.trim(), location: at, source: 'gridWorker',
        parties: parties.map(partyInputOf), riskFactors: factors,
      }, key.current);
      Toast.show({ icon: 'success', content: t('disputes.form.registered') });
      navigate(`/m/disputes/${d.id}`, { replace: true });
    } catch (e) {
      setError(errorText(e, i18n.language));
    } finally {
      setSaving(false);
    }
  };

  return (
    <MobilePage title={t('disputes.mobile.registerOnFoot')} back="/m/disputes" testId="m-dispute-new"
      footer={<Button color="primary" loading={saving} onClick={() => void submit()} data-testid="m-dispute-submit">{t('disputes.mobile.submit')}</Button>}>
      <Card title={t('disputes.form.class')} required>
        <div className="mc-category-pick" onClick={() => setPicking(true)} data-testid="m-dispute-class">
          {className ? <span className="mc-category-name">{className}</span> : <span className="mc-placeholder">{t('disputes.form.classPh')}</span>}
        </div>
        <Cascader options={options} visible={picking} onClose={() => setPicking(false)} value={klass} onConfirm={(v) => setKlass(v.filter((x): x is string => typeof x === 'string'))}
          title={t('disputes.form.class')} confirmText={t('disputes.actions.ok')} cancelText={t('disputes.actions.cancel')} placeholder={t('disputes.form.classPh')} />
      </Card>
      <Card title={t('disputes.form.description')} required>
        <TextArea rows={4} maxLength={2000} showCount value={description} onChange={setDescription} placeholder={t('disputes.form.descriptionPh')} data-testid="m-dispute-description" />
      </Card>
      <Card title={t('disputes.form.place')} required>
        <PositionField lookup value={at} onChange={setAt} />
      </Card>
      <Card title={t('disputes.form.parties')} extra={<Button size="mini" onClick={() => setParties((ps) => [...ps, emptyParty('thirdParty')])} data-testid="m-party-add">{t('disputes.form.addParty')}</Button>}>
        {parties.map((p, i) => (
          <Form key={p.key} layout="vertical" style={{ '--border-top': i ? '1px dashed #e6ebf2' : 'none' }} data-testid="m-party">
            <Form.Item label={t('disputes.form.partyRole')}>
              <Selector columns={3} value={[p.role]} onChange={(v) => v[0] && setParty(p.key, { role: v[0] as PartyRole })}
                options={PARTY_ROLES.map((r) => ({ value: r, label: t(`disputes.roles.${r}`) }))} />
            </Form.Item>
            <Form.Item label={t('disputes.form.name')} required><Input value={p.name} maxLength={50} onChange={(v) => setParty(p.key, { name: v })} data-testid="m-party-name" /></Form.Item>
            <Form.Item label={t('disputes.form.phone')}><Input type="tel" value={p.phone} maxLength={20} onChange={(v) => setParty(p.key, { phone: v })} data-testid="m-party-phone" /></Form.Item>
            {parties.length > 1 ? <Button size="mini" fill="none" color="danger" onClick={() => setParties((ps) => ps.filter((x) => x.key !== p.key))}>{t('disputes.form.removeParty')}</Button> : null}
          </Form>
        ))}
      </Card>
      <Card title={t('disputes.form.risk')} extra={<MRiskTag risk={preview.risk.level} />}>
        <Form layout="horizontal">
          <Form.Item label={t('disputes.form.threats')} childElementPosition="right"><Switch checked={threats} onChange={setThreats} /></Form.Item>
          <Form.Item label={t('disputes.form.groupSize')} childElementPosition="right"><Stepper min={0} max={100000} value={groupSize} onChange={(v) => setGroupSize(v ?? 0)} /></Form.Item>
        </Form>
        <div className="mc-hint" data-testid="m-tier-suggested">{t('disputes.form.tier')}：<MTierTag tier={preview.tier.tier} /> {preview.tier.reasons.join('；')}</div>
      </Card>
      {error ? <div className="mc-error" data-testid="m-dispute-error">{error}</div> : null}
    </MobilePage>
  );
}
