// 记录调解: one mediation session — when and where, the mediator (kind and name), who attended, what each party said,
// what was agreed and the agreement's terms (one per article), and the outcome. With terms and an outcome of 调解成功 or
// 部分达成 the server draws up the 人民调解协议书 and numbers it.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Col, DatePicker, Form, Input, Modal, Radio, Row, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { MEDIATION_OUTCOMES, MEDIATOR_KINDS, type MediationOutcome, type MediatorKind } from '../../../shared/disputes.ts';
import { useMe } from '../../app/auth.tsx';
import { errorText } from '../../lib/api.ts';
import { newIdempotencyKey, recordMediation, type DisputeDetail, type MediationInput } from './api.ts';

export function MediationDialog({ dispute, open, onClose, onDone }: { dispute: DisputeDetail; open: boolean; onClose(): void; onDone(d: DisputeDetail): void }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [at, setAt] = useState<Dayjs>(dayjs());
  const [place, setPlace] = useState('');
  const [kind, setKind] = useState<MediatorKind>('peopleMediator');
  const [mediatorName, setMediatorName] = useState(me.name);
  const [attendees, setAttendees] = useState<string[]>([]);
  const [said, setSaid] = useState<Record<number, string>>({});
  const [agreed, setAgreed] = useState('');
  const [terms, setTerms] = useState<string[]>(['']);
  const [outcome, setOutcome] = useState<MediationOutcome>('resolved');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const key = useRef(newIdempotencyKey());

  useEffect(() => {
    if (!open) return;
    key.current = newIdempotencyKey();
    setAt(dayjs()); setPlace(''); setKind(me.roles.includes('gridWorker') ? 'gridWorker' : 'peopleMediator'); setMediatorName(me.name);
    setAttendees(dispute.parties.map((p) => p.name)); setSaid({}); setAgreed(''); setTerms(['']); setOutcome('resolved'); setError(null);
  }, [open]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = async () => {
    const cleanTerms = terms.map((x) => x.trim()).filter(Boolean);
    if (!place.trim()) { setError(t('disputes.form.required', { field: t('disputes.mediation.place') })); return; }
    if (!mediatorName.trim()) { setError(t('disputes.form.required', { field: t('disputes.mediation.mediatorName') })); return; }
    if (outcome !== 'failed' && cleanTerms.length === 0) { setError(t('disputes.mediation.termsRequired')); return; }
    const partyByName = new Map(dispute.parties.map((p) => [p.name, p.seq]));
    const input: MediationInput = {
      at: (at.isAfter(dayjs()) ? dayjs() : at).toISOString(), place: place.trim(),
      mediator: { kind, name: mediatorName.trim() },
      attendees: attendees.map((n) => n.trim()).filter(Boolean).map((name) => ({ name, partySeq: partyByName.get(name) ?? null })),
      statements: dispute.parties.flatMap((p) => (said[p.seq]?.trim() ? [{ partySeq: p.seq, said: said[p.seq]!.trim() }] : [])),
      agreed: agreed.trim() || null, terms: cleanTerms, outcome,
    };
    setSaving(true);
    setError(null);
    try {
      onDone(await recordMediation(dispute.id, input, key.current));
    } catch (e) {
      setError(errorText(e, i18n.language));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} onCancel={onClose} width={760} destroyOnHidden title={t('disputes.mediation.title')}
      footer={[
        <Button key="c" onClick={onClose}>{t('disputes.actions.cancel')}</Button>,
        <Button key="ok" type="primary" loading={saving} onClick={() => void save()} data-testid="mediation-save">{t('disputes.actions.ok')}</Button>,
      ]}>
      <div data-testid="mediation-dialog"><Form layout="vertical" component="div">
        <Row gutter={12}>
          <Col span={9}><Form.Item label={t('disputes.mediation.at')} required>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" value={at} onChange={(v) => v && setAt(v)} disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} data-testid="mediation-at" />
          </Form.Item></Col>
          <Col span={15}><Form.Item label={t('disputes.mediation.place')} required>
            <Input value={place} maxLength={200} placeholder={t('disputes.mediation.placePh')} onChange={(e) => setPlace(e.target.value)} data-testid="mediation-place" />
          </Form.Item></Col>
        </Row>
        <Row gutter={12}>
          <Col span={9}><Form.Item label={t('disputes.mediation.mediatorKind')}>
            <Select value={kind} onChange={setKind} options={MEDIATOR_KINDS.map((k) => ({ value: k, label: t(`disputes.mediatorKinds.${k}`) }))} data-testid="mediation-kind" />
          </Form.Item></Col>
          <Col span={15}><Form.Item label={t('disputes.mediation.mediatorName')} required>
            <Input value={mediatorName} maxLength={50} onChange={(e) => setMediatorName(e.target.value)} data-testid="mediation-mediator" />
          </Form.Item></Col>
        </Row>
        <Form.Item label={t('disputes.mediation.attendees')}>
          <Select mode="tags" value={attendees} onChange={setAttendees} placeholder={t('disputes.mediation.attendeesPh')} tokenSeparators={['，', ',', '、']} open={false} suffixIcon={null} data-testid="mediation-attendees" />
        </Form.Item>
        <Form.Item label={t('disputes.mediation.statements')}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {dispute.parties.map((p) => (
              <div key={p.seq}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`disputes.roles.${p.role}`)} · {p.name}</Typography.Text>
                <Input.TextArea rows={2} maxLength={2000} value={said[p.seq] ?? ''} data-testid="mediation-statement" data-seq={p.seq}
                  placeholder={t('disputes.mediation.saidPh', { name: p.name })}
                  onChange={(e) => setSaid((s) => ({ ...s, [p.seq]: e.target.value }))} />
              </div>
            ))}
          </Space>
        </Form.Item>
        <Form.Item label={t('disputes.mediation.agreed')}>
          <Input.TextArea rows={2} maxLength={2000} value={agreed} placeholder={t('disputes.mediation.agreedPh')} onChange={(e) => setAgreed(e.target.value)} data-testid="mediation-agreed" />
        </Form.Item>
        <Form.Item label={t('disputes.mediation.outcome')} required>
          <Radio.Group value={outcome} onChange={(e) => setOutcome(e.target.value as MediationOutcome)} data-testid="mediation-outcome"
            options={MEDIATION_OUTCOMES.map((o) => ({ value: o, label: t(`disputes.outcomes.${o}`) }))} />
        </Form.Item>
        <Form.Item label={t('disputes.mediation.terms')} required={outcome !== 'failed'}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {terms.map((term, i) => (
              <Space.Compact key={i} style={{ width: '100%' }}>
                <Input value={term} maxLength={500} placeholder={t('disputes.mediation.termPh', { n: i + 1 })} onChange={(e) => setTerms((ts) => ts.map((x, j) => (j === i ? e.target.value : x)))} data-testid="mediation-term" />
                <Button icon={<DeleteOutlined />} disabled={terms.length === 1} onClick={() => setTerms((ts) => ts.filter((_, j) => j !== i))} />
              </Space.Compact>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => setTerms((ts) => [...ts, ''])} disabled={terms.length >= 30} data-testid="mediation-add-term">{t('disputes.mediation.addTerm')}</Button>
          </Space>
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} data-testid="mediation-error" /> : null}
      </Form></div>
    </Modal>
  );
}
