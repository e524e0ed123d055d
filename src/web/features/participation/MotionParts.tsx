// A meeting's motions for staff: one motion's rules in words, the loosening notice, votes recorded on site or assisted
// for a registry person, the close and the result as a table; and the dialog that opens a motion with its rules (a
// loosened electorate needs the confirmation and its reason).
import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Popconfirm, Radio, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DEFAULT_VOTE_OPTIONS, PARTICIPATION_LIMITS } from '../../../shared/participation.ts';
import { errorText } from '../../lib/api.ts';
import { addMotion, closeMotion, newIdempotencyKey, recordVote, type MeetingDetail, type Motion, type NewMotion, type ResidentHit, type VoteRules } from './api.ts';
import { PersonPicker, timeText, useOptionText } from './parts.tsx';

/** The rules of a vote in plain words. */
export function RulesText({ rules }: { rules: VoteRules }) {
  const { t } = useTranslation();
  const q = rules.quorum.kind === 'share'
    ? t('participation.meetings.motion.quorumShare', { value: Math.round(rules.quorum.value * 100) })
    : t('participation.meetings.motion.quorumCount', { value: rules.quorum.value });
  const pass = rules.passShare === 0.5 ? t('participation.meetings.motion.passHalf') : t('participation.meetings.motion.passAtLeast', { value: Math.round(rules.passShare * 100) });
  return (
    <Space wrap size={4} data-testid="motion-rules">
      <Tag>{t(`participation.meetings.motion.units.${rules.unit}`)}</Tag>
      <Tag color={rules.electorate === 'anyone' ? 'orange' : undefined}>{t(`participation.meetings.motion.electorates.${rules.electorate}`)}</Tag>
      <Tag>{q}</Tag>
      <Tag>{pass}</Tag>
      {rules.secret ? <Tag color="purple">{t('participation.meetings.motion.secret')}</Tag> : null}
    </Space>
  );
}

export function MotionCard({ meeting, motion, onChanged }: { meeting: MeetingDetail; motion: Motion; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const optionText = useOptionText();
  const [voter, setVoter] = useState<ResidentHit | null>(null);
  const [choice, setChoice] = useState<string | undefined>();
  const [channel, setChannel] = useState<'onSite' | 'assisted'>('onSite');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const r = motion.result;

  const vote = async () => {
    if (!voter || !choice) return;
    setSaving(true);
    setError(null);
    try {
      await recordVote(meeting.id, { motionId: motion.id, choice, residentId: voter.id, channel });
      void message.success(t('participation.meetings.voteRecorded', { name: voter.name }));
      setVoter(null); setChoice(undefined);
      onChanged();
    } catch (e) {
      setError(errorText(e, i18n.language));
    } finally {
      setSaving(false);
    }
  };
  const close = async () => {
    try { await closeMotion(meeting.id, motion.id); onChanged(); } catch (e) { void message.error(errorText(e, i18n.language)); }
  };

  return (
    <Card size="small" data-testid="motion-card" data-id={motion.id} style={{ marginBottom: 12 }}
      title={<Space><span>{motion.title}</span><Tag color={motion.status === 'open' ? 'processing' : 'default'}>{t(`participation.meetings.${motion.status}`)}</Tag></Space>}
      extra={motion.policies.includes('close') ? (
        <Popconfirm title={t('participation.meetings.closeMotionConfirm')} okText={t('participation.ok')} cancelText={t('participation.cancel')} onConfirm={() => void close()}>
          <Button size="small" danger data-testid="motion-close">{t('participation.meetings.closeMotion')}</Button>
        </Popconfirm>
      ) : null}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <RulesText rules={motion.rules} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('participation.meetings.electorateSize', { count: motion.electorateSize })} · {t('participation.meetings.cast', { count: motion.castCount })} ·{' '}
          {motion.closedAt ? t('participation.meetings.closedAt', { time: timeText(motion.closedAt) }) : t('participation.meetings.closesAt', { time: timeText(motion.closesAt) })}
        </Typography.Text>
        {motion.loosening ? (
          <Alert type="warning" showIcon data-testid="motion-loosened" title={t('participation.meetings.loosened')}
            description={t('participation.meetings.loosenedBy', { name: motion.loosening.byName, time: timeText(motion.loosening.at), reason: motion.loosening.reason })} />
        ) : null}
        {motion.policies.includes('recordVote') ? (
          <div data-testid="motion-record">
            <Typography.Text strong>{t('participation.meetings.recordVote')}</Typography.Text>
            <div style={{ display: 'flex', gap: 8, marginTop: 6, flexWrap: 'wrap' }}>
              <div style={{ flex: '1 1 260px' }}><PersonPicker value={voter} onChange={setVoter} placeholder={t('participation.meetings.voterPh')} testId="vote-voter" /></div>
              <Select style={{ width: 120 }} placeholder={t('participation.meetings.choice')} value={choice} onChange={setChoice} data-testid="vote-choice"
                options={motion.options.map((o) => ({ value: o, label: optionText(o) }))} />
              <Radio.Group value={channel} onChange={(e) => setChannel(e.target.value as 'onSite' | 'assisted')} optionType="button" data-testid="vote-channel"
                options={(['onSite', 'assisted'] as const).map((c) => ({ value: c, label: t(`participation.voteChannels.${c}`) }))} />
              <Button type="primary" disabled={!voter || !choice} loading={saving} onClick={() => void vote()} data-testid="vote-submit">{t('participation.meetings.recordVote')}</Button>
            </div>
            {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} data-testid="vote-error" /> : null}
          </div>
        ) : null}
        {r ? (
          <div data-testid="motion-result">
            <Space style={{ marginBottom: 6 }}>
              <Typography.Text strong>{t('participation.meetings.result')}</Typography.Text>
              <Tag color={r.passed ? 'success' : 'error'} data-testid="motion-passed">{t(r.passed ? 'participation.meetings.passed' : 'participation.meetings.notPassed')}</Tag>
              <Tag color={r.quorumMet ? 'success' : 'warning'}>{t(r.quorumMet ? 'participation.meetings.quorumMet' : 'participation.meetings.quorumNotMet')}</Tag>
              <Typography.Text type="secondary">{t('participation.meetings.resultLine', { electorate: r.electorate, cast: r.cast })}</Typography.Text>
            </Space>
            <Table size="small" pagination={false} rowKey="option" data-testid="motion-result-table"
              dataSource={motion.options.map((o) => ({ option: o, votes: r.tally[o] ?? 0 }))}
              columns={[
                { title: t('participation.meetings.option'), dataIndex: 'option', render: (o: string) => optionText(o) },
                { title: t('participation.meetings.votes'), dataIndex: 'votes', align: 'right', width: 100 },
                { title: t('participation.meetings.share'), key: 'share', align: 'right', width: 100, render: (_: unknown, x: { votes: number }) => (r.cast ? `${((x.votes / r.cast) * 100).toFixed(1)}%` : '—') },
              ]} />
          </div>
        ) : null}
      </Space>
    </Card>
  );
}

interface MotionValues {
  title: string; proposalId?: string; customOptions: boolean; options?: string[]; unit: VoteRules['unit']; electorate: VoteRules['electorate'];
  quorumKind: 'share' | 'count'; quorumValue: number; passShare: number; secret: boolean; closesAt: Dayjs; loosenConfirmed?: boolean; loosenReason?: string;
}

export function MotionDialog({ meeting, open, onClose, onDone }: { meeting: MeetingDetail; open: boolean; onClose(): void; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<MotionValues>();
  const key = useRef(newIdempotencyKey());
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const electorate = Form.useWatch('electorate', form);
  const quorumKind = Form.useWatch('quorumKind', form);
  const customOptions = Form.useWatch('customOptions', form);
  useEffect(() => {
    if (!open) return;
    key.current = newIdempotencyKey();
    setError(null);
    form.resetFields();
    const ends = dayjs(meeting.endsAt);
    form.setFieldsValue({
      unit: 'household', electorate: 'residents', quorumKind: 'share', quorumValue: 50, passShare: 50, secret: false, customOptions: false,
      closesAt: ends.isAfter(dayjs()) ? ends : dayjs().add(2, 'hour').minute(0).second(0),
    });
  }, [open, form, meeting.endsAt]);

  const submit = async () => {
    // a field left wrong shows its message under it: nothing to send
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    if (v.electorate === 'anyone' && (!v.loosenConfirmed || !v.loosenReason?.trim())) { setError(t('participation.meetings.motion.loosenRequired')); return; }
    const options = v.customOptions ? (v.options ?? []).map((o) => o.trim()).filter(Boolean) : undefined;
    if (options && options.length < 2) { setError(t('participation.meetings.motion.optionsRequired')); return; }
    const body: NewMotion = {
      title: v.title.trim(), proposalId: v.proposalId ?? null, ...(options ? { options } : {}),
      rules: {
        unit: v.unit, electorate: v.electorate, secret: v.secret, passShare: v.passShare / 100,
        quorum: { kind: v.quorumKind, value: v.quorumKind === 'share' ? v.quorumValue / 100 : v.quorumValue },
      },
      closesAt: v.closesAt.toISOString(),
      ...(v.electorate === 'anyone' ? { loosening: { confirmed: true as const, reason: v.loosenReason!.trim() } } : {}),
    };
    setSaving(true);
    setError(null);
    try {
      await addMotion(meeting.id, body, key.current);
      onDone();
    } catch (e) {
      setError(errorText(e, i18n.language));
    } finally {
      setSaving(false);
    }
  };
  const M = 'participation.meetings.motion';
  return (
    <Modal open={open} title={t(`${M}.title`)} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} width={640}
      okText={t('participation.ok')} cancelText={t('participation.cancel')} okButtonProps={{ 'data-testid': 'motion-submit' }} data-testid="motion-dialog">
      <Form form={form} layout="vertical" onValuesChange={() => setError(null)}>
        <Form.Item name="title" label={t(`${M}.name`)} rules={[{ required: true, whitespace: true, message: t('participation.required', { field: t(`${M}.name`) }) }]}>
          <Input maxLength={PARTICIPATION_LIMITS.title} placeholder={t(`${M}.namePh`)} data-testid="motion-title" />
        </Form.Item>
        <Form.Item name="proposalId" label={t(`${M}.proposal`)}>
          <Select allowClear options={meeting.agenda.map((a) => ({ value: a.proposalId, label: a.title }))} data-testid="motion-proposal" />
        </Form.Item>
        <Form.Item label={t(`${M}.options`)} extra={t(`${M}.optionsHint`)}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Form.Item name="customOptions" valuePropName="checked" noStyle>
              <Checkbox data-testid="motion-custom-options">{t(`${M}.customOptions`)}</Checkbox>
            </Form.Item>
            {customOptions ? (
              <Form.Item name="options" noStyle>
                <Select mode="tags" open={false} placeholder={t(`${M}.optionPh`)} maxCount={PARTICIPATION_LIMITS.options} data-testid="motion-options" />
              </Form.Item>
            ) : <Space size={4}>{DEFAULT_VOTE_OPTIONS.map((o) => <Tag key={o}>{t(`participation.options.${o}`)}</Tag>)}</Space>}
          </Space>
        </Form.Item>
        <Descriptions size="small" column={1} bordered styles={{ label: { width: 120 } }}>
          <Descriptions.Item label={t(`${M}.unit`)}>
            <Form.Item name="unit" noStyle><Radio.Group options={(['household', 'person'] as const).map((u) => ({ value: u, label: t(`${M}.units.${u}`) }))} data-testid="motion-unit" /></Form.Item>
          </Descriptions.Item>
          <Descriptions.Item label={t(`${M}.electorate`)}>
            <Form.Item name="electorate" noStyle><Radio.Group options={(['residents', 'anyone'] as const).map((u) => ({ value: u, label: t(`${M}.electorates.${u}`) }))} data-testid="motion-electorate" /></Form.Item>
          </Descriptions.Item>
          <Descriptions.Item label={t(`${M}.quorum`)}>
            <Space>
              <Form.Item name="quorumKind" noStyle><Radio.Group options={(['share', 'count'] as const).map((u) => ({ value: u, label: t(`${M}.quorumKinds.${u}`) }))} /></Form.Item>
              <Form.Item name="quorumValue" noStyle>
                <InputNumber min={0} max={quorumKind === 'share' ? 100 : 100_000} suffix={quorumKind === 'share' ? '%' : undefined} style={{ width: 120 }} data-testid="motion-quorum" />
              </Form.Item>
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t(`${M}.passShare`)}>
            <Form.Item name="passShare" noStyle><InputNumber min={1} max={100} suffix="%" style={{ width: 120 }} data-testid="motion-pass" /></Form.Item>
          </Descriptions.Item>
          <Descriptions.Item label={t(`${M}.secret`)}>
            <Space><Form.Item name="secret" valuePropName="checked" noStyle><Switch data-testid="motion-secret" /></Form.Item><Typography.Text type="secondary">{t(`${M}.secretHint`)}</Typography.Text></Space>
          </Descriptions.Item>
          <Descriptions.Item label={t(`${M}.closesAt`)}>
            <Form.Item name="closesAt" noStyle><DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowClear={false} data-testid="motion-closes" /></Form.Item>
          </Descriptions.Item>
        </Descriptions>
        {electorate === 'anyone' ? (
          <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t(`${M}.loosen`)} data-testid="motion-loosen"
            description={(
              <Space orientation="vertical" style={{ width: '100%', marginTop: 6 }}>
                <Form.Item name="loosenConfirmed" valuePropName="checked" noStyle><Checkbox data-testid="motion-loosen-confirm">{t(`${M}.loosenConfirm`)}</Checkbox></Form.Item>
                <Form.Item name="loosenReason" noStyle><Input.TextArea rows={2} maxLength={PARTICIPATION_LIMITS.reason} placeholder={t(`${M}.loosenReasonPh`)} data-testid="motion-loosen-reason" /></Form.Item>
              </Space>
            )} />
        ) : null}
      </Form>
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="motion-error" /> : null}
    </Modal>
  );
}
