// 登记纠纷: the class and subclass (by name), what happened and where (a point on the map), the parties (people of the
// registry picked by name or ID number, or outsiders typed in) with their roles, the risk factors, and the tier — the
// suggested one shown from the same rules the server applies; a lower tier needs a reason. The server's answer (risk
// with its reasons, tier, handling unit, work order) is what the dispute page then shows.
import { useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Cascader, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Segmented, Select, Space, Spin, Switch, Tag, Typography } from 'antd';
import { AimOutlined, ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DISPUTE_SOURCES, DISPUTE_TIERS, PARTY_ROLES, type DisputeSource, type DisputeTier, type PartyRole } from '../../../shared/disputes.ts';
import { tierBelow } from '../../../domain/disputes/tier.ts';
import { holdsAnyRole } from '../../../shared/roles.ts';
import { REGISTRY_READERS } from '../../../shared/registry.ts';
import { useMe } from '../../app/auth.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useApi } from '../../lib/useApi.ts';
import { errorText } from '../../lib/api.ts';
import { listClasses, newIdempotencyKey, registerDispute, searchResidents, type RegisterInput, type ResidentHit } from './api.ts';
import { emptyParty, partyInputOf, previewOf, type PartyDraft } from './party-draft.ts';
import { RiskTag, TierTag } from './parts.tsx';
import { PointPickerModal, type LngLat } from '../maps/public.ts';
import './locales.ts';
import './disputes.css';

/** A registry person picked by name or ID number (the registry's own masked list). */
export function PersonPicker({ value, onChange, testId }: { value: ResidentHit | null; onChange(v: ResidentHit | null): void; testId?: string }) {
  const { t } = useTranslation();
  const [hits, setHits] = useState<ResidentHit[]>([]);
  const [loading, setLoading] = useState(false);
  const ctrl = useRef<AbortController | null>(null);
  const search = (q: string) => {
    ctrl.current?.abort();
    if (q.trim().length < 1) { setHits([]); return; }
    const c = new AbortController();
    ctrl.current = c;
    setLoading(true);
    searchResidents(q.trim(), c.signal).then((r) => { setHits(r.items); setLoading(false); }, () => { if (!c.signal.aborted) setLoading(false); });
  };
  const options = [...(value && !hits.some((h) => h.id === value.id) ? [value] : []), ...hits].map((h) => ({
    value: h.id,
    label: <span>{h.name} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{h.idNumber} · {h.gridName}{h.householdAddress ? ` · ${h.householdAddress}` : ''}</Typography.Text></span>,
  }));
  return (
    <Select
      showSearch allowClear filterOption={false} style={{ width: '100%' }} placeholder={t('disputes.form.searchPerson')} value={value?.id}
      onSearch={search} onChange={(id?: string) => onChange(id ? [...hits, ...(value ? [value] : [])].find((h) => h.id === id) ?? null : null)}
      notFoundContent={loading ? <Spin size="small" /> : null} options={options} data-testid={testId}
    />
  );
}

export function PartyEditor({ party, onChange, onRemove, index }: { party: PartyDraft; onChange(p: PartyDraft): void; onRemove?: () => void; index: number }) {
  const { t } = useTranslation();
  const me = useMe();
  // the registry is read by the territory's staff (not a post holder such as the mediator): others type the person in
  const readsRegistry = holdsAnyRole(me.roles, REGISTRY_READERS);
  const set = (patch: Partial<PartyDraft>) => onChange({ ...party, ...patch });
  return (
    <div className="zz-dispute-party" data-testid="dispute-party" data-index={index}>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item label={t('disputes.form.partyRole')}>
            <Select value={party.role} onChange={(role: PartyRole) => set({ role })} data-testid="party-role"
              options={PARTY_ROLES.map((r) => ({ value: r, label: t(`disputes.roles.${r}`) }))} />
          </Form.Item>
        </Col>
        <Col span={14}>
          {readsRegistry ? <Form.Item label=" " colon={false}>
            <Segmented value={party.mode} onChange={(v) => set({ mode: v as PartyDraft['mode'] })} data-testid="party-mode"
              options={[{ value: 'registry', label: t('disputes.form.fromRegistry') }, { value: 'outsider', label: t('disputes.form.outsider') }]} />
          </Form.Item> : null}
        </Col>
        <Col span={4} style={{ textAlign: 'right' }}>
          {onRemove ? <Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} data-testid="party-remove">{t('disputes.form.removeParty')}</Button> : null}
        </Col>
      </Row>
      {party.mode === 'registry' ? (
        <Form.Item label={t('disputes.form.name')} required>
          <PersonPicker value={party.resident} onChange={(resident) => set({ resident })} testId="party-person" />
        </Form.Item>
      ) : (
        <Row gutter={12}>
          <Col span={6}><Form.Item label={t('disputes.form.name')} required><Input value={party.name} maxLength={50} onChange={(e) => set({ name: e.target.value })} data-testid="party-name" /></Form.Item></Col>
          <Col span={6}><Form.Item label={t('disputes.form.idNumber')}><Input value={party.idNumber} maxLength={18} onChange={(e) => set({ idNumber: e.target.value })} data-testid="party-id-number" /></Form.Item></Col>
          <Col span={5}><Form.Item label={t('disputes.form.phone')}><Input value={party.phone} maxLength={20} onChange={(e) => set({ phone: e.target.value })} data-testid="party-phone" /></Form.Item></Col>
          <Col span={7}><Form.Item label={t('disputes.form.partyAddress')}><Input value={party.address} maxLength={200} onChange={(e) => set({ address: e.target.value })} data-testid="party-address" /></Form.Item></Col>
        </Row>
      )}
      <Row gutter={12}>
        <Col span={6}><Form.Item><Checkbox checked={party.vulnerable} onChange={(e) => set({ vulnerable: e.target.checked })} data-testid="party-vulnerable">{t('disputes.form.vulnerable')}</Checkbox></Form.Item></Col>
        {party.vulnerable ? <Col span={18}><Form.Item><Input value={party.vulnerableReason} placeholder={t('disputes.form.vulnerableReasonPh')} maxLength={200} onChange={(e) => set({ vulnerableReason: e.target.value })} /></Form.Item></Col> : null}
      </Row>
    </div>
  );
}

export function NewDisputePage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const classes = useApi((signal) => listClasses(false, signal), []);
  const [klass, setKlass] = useState<string[] | undefined>();
  const [description, setDescription] = useState('');
  const [source, setSource] = useState<DisputeSource>('gridWorker');
  const [at, setAt] = useState<LngLat | null>(null);
  const [address, setAddress] = useState('');
  const [picking, setPicking] = useState(false);
  const [parties, setParties] = useState<PartyDraft[]>(() => [emptyParty('applicant'), emptyParty('respondent')]);
  const [threats, setThreats] = useState(false);
  const [groupSize, setGroupSize] = useState<number | null>(null);
  const [amountYuan, setAmountYuan] = useState<number | null>(null);
  const [riskNote, setRiskNote] = useState('');
  const [tier, setTier] = useState<DisputeTier | null>(null);
  const [tierReason, setTierReason] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const key = useRef(newIdempotencyKey());

  const factors = { threats, groupSize: groupSize ?? 0, amountYuan, note: riskNote.trim() || null };
  const preview = useMemo(() => previewOf(klass?.[0], parties, factors), [klass, parties, threats, groupSize, amountYuan]); // eslint-disable-line react-hooks/exhaustive-deps
  const chosen = tier ?? preview.tier.tier;
  const lower = tierBelow(chosen, preview.tier.tier);

  const options = (classes.data?.items ?? []).filter((c) => !c.retired).map((c) => ({
    value: c.code, label: c.name,
    children: c.subclasses.filter((x) => !x.retired).map((x) => ({ value: x.code, label: x.name })),
  }));

  const submit = async () => {
    const missing: string[] = [];
    if (!klass?.[0]) missing.push(t('disputes.form.required', { field: t('disputes.form.class') }));
    if (!description.trim()) missing.push(t('disputes.form.required', { field: t('disputes.form.description') }));
    if (!at) missing.push(t('disputes.form.pointMissing'));
    if (!parties.some((p) => p.role === 'applicant')) missing.push(t('disputes.form.needApplicant'));
    if (parties.some((p) => (p.mode === 'registry' ? !p.resident : !p.name.trim()))) missing.push(t('disputes.form.needName'));
    if (lower && !tierReason.trim()) missing.push(t('disputes.form.tierReasonRequired'));
    setProblems(missing);
    if (missing.length || !at || !klass?.[0]) return;
    const input: RegisterInput = {
      classCode: klass[0], subclassCode: klass[1] ?? null, description: description.trim(), location: at, address: address.trim() || null, source,
      parties: parties.map(partyInputOf), riskFactors: factors, tier: chosen, tierReason: lower ? tierReason.trim() : null,
    };
    setSaving(true);
    try {
      const d = await registerDispute(input, key.current);
      message.success(<span>{t('disputes.form.registered')} <span className="zz-code">{d.number}</span></span>);
      navigate(`/disputes/${d.id}`, { replace: true });
    } catch (e) {
      setProblems([errorText(e, i18n.language)]);
    } finally {
      setSaving(false);
    }
  };

  if (classes.error) return <div className="zz-page"><ErrorState error={classes.error} onRetry={classes.reload} /></div>;
  return (
    <div className="zz-page" data-testid="new-dispute-page">
      <PageHeader title={t('disputes.form.title')} extra={<Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/disputes')}>{t('disputes.back')}</Button>} />
      <Form layout="vertical" component="div">
        <div className="zz-dispute-grid">
          <div>
            <Card title={t('disputes.form.basics')} size="small" style={{ marginBottom: 16 }}>
              <Row gutter={12}>
                <Col span={14}>
                  <Form.Item label={t('disputes.form.class')} required>
                    <Cascader options={options} value={klass} onChange={(v) => setKlass(v as string[] | undefined)} changeOnSelect showSearch
                      placeholder={t('disputes.form.classPh')} style={{ width: '100%' }} data-testid="dispute-class" />
                  </Form.Item>
                </Col>
                <Col span={10}>
                  <Form.Item label={t('disputes.form.source')}>
                    <Select value={source} onChange={setSource} data-testid="dispute-source" options={DISPUTE_SOURCES.map((x) => ({ value: x, label: t(`disputes.sources.${x}`) }))} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label={t('disputes.form.description')} required>
                <Input.TextArea rows={4} maxLength={2000} showCount value={description} placeholder={t('disputes.form.descriptionPh')} onChange={(e) => setDescription(e.target.value)} data-testid="dispute-description" />
              </Form.Item>
              <Row gutter={12}>
                <Col span={10}>
                  <Form.Item label={t('disputes.form.place')} required>
                    <Space>
                      <Button icon={<AimOutlined />} onClick={() => setPicking(true)} data-testid="dispute-pick-point">{t('disputes.form.pickPoint')}</Button>
                      {at ? <Tag color="green" data-testid="dispute-point-picked">{t('disputes.form.pointPicked')}</Tag> : null}
                    </Space>
                  </Form.Item>
                </Col>
                <Col span={14}>
                  <Form.Item label={t('disputes.form.address')}>
                    <Input value={address} maxLength={200} placeholder={t('disputes.form.addressPh')} onChange={(e) => setAddress(e.target.value)} data-testid="dispute-address" />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
            <Card title={t('disputes.form.parties')} size="small"
              extra={<Button size="small" icon={<PlusOutlined />} onClick={() => setParties((ps) => [...ps, emptyParty('thirdParty')])} disabled={parties.length >= 20} data-testid="party-add">{t('disputes.form.addParty')}</Button>}>
              {parties.map((p, i) => (
                <PartyEditor key={p.key} party={p} index={i} onChange={(np) => setParties((ps) => ps.map((x) => (x.key === p.key ? np : x)))}
                  onRemove={parties.length > 1 ? () => setParties((ps) => ps.filter((x) => x.key !== p.key)) : undefined} />
              ))}
            </Card>
          </div>
          <div>
            <Card title={t('disputes.form.risk')} size="small" style={{ marginBottom: 16 }} extra={<RiskTag risk={preview.risk.level} />}>
              <Form.Item><Space><Switch checked={threats} onChange={setThreats} data-testid="risk-threats" />{t('disputes.form.threats')}</Space></Form.Item>
              <Row gutter={12}>
                <Col span={12}><Form.Item label={t('disputes.form.groupSize')}><InputNumber min={0} max={100000} precision={0} value={groupSize} onChange={setGroupSize} style={{ width: '100%' }} data-testid="risk-group" /></Form.Item></Col>
                <Col span={12}><Form.Item label={t('disputes.form.amountYuan')}><InputNumber min={0} value={amountYuan} onChange={setAmountYuan} style={{ width: '100%' }} data-testid="risk-amount" /></Form.Item></Col>
              </Row>
              <Form.Item label={t('disputes.form.riskNote')}><Input value={riskNote} maxLength={500} onChange={(e) => setRiskNote(e.target.value)} /></Form.Item>
              {preview.risk.reasons.length ? (
                <ul className="zz-dispute-reasons" data-testid="risk-preview-reasons">
                  {(i18n.language.startsWith('zh') ? preview.risk.reasons : preview.risk.reasonsEn).map((r) => <li key={r}>{r}</li>)}
                </ul>
              ) : <Typography.Text type="secondary">{t('disputes.detail.noRiskReasons')}</Typography.Text>}
            </Card>
            <Card title={t('disputes.form.tier')} size="small" style={{ marginBottom: 16 }}>
              <div style={{ marginBottom: 8 }} data-testid="tier-suggested">
                {t('disputes.form.suggested', { tier: t(`disputes.tiers.${preview.tier.tier}`) })}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>（{(i18n.language.startsWith('zh') ? preview.tier.reasons : preview.tier.reasonsEn).join('；')}）</Typography.Text>
              </div>
              <Radio.Group value={chosen} onChange={(e) => setTier(e.target.value as DisputeTier)} data-testid="dispute-tier">
                <Space orientation="vertical">
                  {DISPUTE_TIERS.map((x) => (
                    <Radio key={x} value={x}><TierTag tier={x} /> <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`disputes.tierHints.${x}`)}</Typography.Text></Radio>
                  ))}
                </Space>
              </Radio.Group>
              {lower ? (
                <Form.Item label={t('disputes.form.tierReason')} required style={{ marginTop: 12, marginBottom: 0 }}>
                  <Input.TextArea rows={2} maxLength={500} value={tierReason} placeholder={t('disputes.form.tierReasonPh')} onChange={(e) => setTierReason(e.target.value)} data-testid="dispute-tier-reason" />
                </Form.Item>
              ) : null}
            </Card>
            {problems.length ? <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="dispute-problems" title={<ul style={{ margin: 0, paddingLeft: 18 }}>{problems.map((p) => <li key={p}>{p}</li>)}</ul>} /> : null}
            <Button type="primary" block size="large" loading={saving} onClick={() => void submit()} data-testid="dispute-submit">{t('disputes.form.submit')}</Button>
          </div>
        </div>
      </Form>
      <PointPickerModal
        open={picking} value={at} onClose={() => setPicking(false)} onPick={setAt} title={t('disputes.form.pickTitle')} hint={t('disputes.form.pickHint')}
        okText={t('disputes.form.pickOk')} cancelText={t('disputes.form.cancel')} testId="dispute-point" mapTestId="dispute-map"
      />
    </div>
  );
}
