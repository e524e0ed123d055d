// The dialogs of a dispute's actions: 推送联动 (a district department or one of the 综治中心's units, with a deadline),
// 登记回复, 诉调对接 (court and case number), 调整层级 (with a reason), 重新研判 (the risk factors), 回访 (how, and whether the
// agreement holds), 办结 (hands the work order in) and 复发重启 (a new dispute linked to this one).
import { useEffect, useRef, useState } from 'react';
import { Alert, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DISPUTE_TIERS, REFERRAL_UNIT_KINDS, type DisputeTier, type ReferralUnitKind } from '../../../shared/disputes.ts';
import { errorText } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { disputeAction, listDepartments, newIdempotencyKey, type ActionBodies, type DisputeDetail } from './api.ts';

export type DialogAction = 'push' | 'reply' | 'litigate' | 'change-tier' | 'assess-risk' | 'follow-up' | 'close' | 'reopen';

const TITLES: Record<DialogAction, string> = {
  push: 'disputes.push.title', reply: 'disputes.reply.title', litigate: 'disputes.litigate.title', 'change-tier': 'disputes.changeTier.title',
  'assess-risk': 'disputes.assessRisk.title', 'follow-up': 'disputes.followUp.title', close: 'disputes.close.title', reopen: 'disputes.reopen.title',
};

interface Props {
  dispute: DisputeDetail;
  action: DialogAction | null;
  /** reply: the referral answered */
  referralId?: string | null;
  onClose(): void;
  /** the detail the action answered (reopen: the new dispute; follow-up: with suggestReopen) */
  onDone(action: DialogAction, d: DisputeDetail & { suggestReopen?: boolean }): void;
}

export function ActionDialog({ dispute, action, referralId, onClose, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const key = useRef(newIdempotencyKey());
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // the fields of every dialog (one is open at a time)
  const [unitKind, setUnitKind] = useState<ReferralUnitKind>('policeStation');
  const [departmentId, setDepartmentId] = useState<string | undefined>();
  const [unitName, setUnitName] = useState('');
  const [dueDays, setDueDays] = useState<number | null>(5);
  const [note, setNote] = useState('');
  const [text, setText] = useState('');
  const [done, setDone] = useState(false);
  const [court, setCourt] = useState('');
  const [courtCaseNumber, setCourtCaseNumber] = useState('');
  const [tier, setTier] = useState<DisputeTier>(dispute.tier);
  const [reason, setReason] = useState('');
  const [threats, setThreats] = useState(false);
  const [groupSize, setGroupSize] = useState<number | null>(0);
  const [amountYuan, setAmountYuan] = useState<number | null>(null);
  const [at, setAt] = useState<Dayjs>(dayjs());
  const [method, setMethod] = useState<'visit' | 'phone'>('visit');
  const [holds, setHolds] = useState(true);
  const [description, setDescription] = useState('');
  const [referral, setReferral] = useState<string | undefined>();
  const departments = useApi(action === 'push' ? (signal) => listDepartments(dispute.townId, signal) : null, [action, dispute.townId]);

  useEffect(() => {
    if (!action) return;
    key.current = newIdempotencyKey();
    setError(null); setNote(''); setText(''); setDone(false); setReason(''); setDescription(''); setUnitName(''); setDepartmentId(undefined);
    setTier(dispute.tier); setAt(dayjs()); setHolds(true); setMethod('visit'); setCourt(''); setCourtCaseNumber('');
    setThreats(dispute.risk.factors.threats); setGroupSize(dispute.risk.factors.groupSize); setAmountYuan(dispute.risk.factors.amountYuan);
    setReferral(referralId ?? dispute.referrals.find((r) => r.canReply && r.status !== 'done')?.id);
  }, [action]); // eslint-disable-line react-hooks/exhaustive-deps

  const required = (field: string) => t('disputes.form.required', { field });
  const bodyOf = (): { body: ActionBodies[DialogAction] } | { problem: string } => {
    switch (action) {
      case 'push':
        if (unitKind === 'department' && !departmentId) return { problem: required(t('disputes.push.department')) };
        if (unitKind !== 'department' && !unitName.trim()) return { problem: required(t('disputes.push.unitName')) };
        if (!dueDays) return { problem: required(t('disputes.push.dueDays')) };
        return { body: { unitKind, departmentId: unitKind === 'department' ? departmentId : null, unitName: unitKind === 'department' ? null : unitName.trim(), dueDays, note: note.trim() || null } };
      case 'reply':
        if (!referral) return { problem: required(t('disputes.reply.referral')) };
        if (!text.trim()) return { problem: required(t('disputes.reply.text')) };
        return { body: { referralId: referral, text: text.trim(), done } };
      case 'litigate':
        if (!court.trim()) return { problem: required(t('disputes.litigate.court')) };
        if (!courtCaseNumber.trim()) return { problem: required(t('disputes.litigate.courtCaseNumber')) };
        return { body: { court: court.trim(), courtCaseNumber: courtCaseNumber.trim(), note: note.trim() || null } };
      case 'change-tier':
        if (!reason.trim()) return { problem: required(t('disputes.changeTier.reason')) };
        return { body: { tier, reason: reason.trim() } };
      case 'assess-risk':
        return { body: { factors: { threats, groupSize: groupSize ?? 0, amountYuan, note: note.trim() || null } } };
      case 'follow-up':
        return { body: { at: (at.isAfter(dayjs()) ? dayjs() : at).toISOString(), method, holds, note: note.trim() || null } };
      case 'close':
        if (!reason.trim()) return { problem: required(t('disputes.close.reason')) };
        return { body: { reason: reason.trim() } };
      case 'reopen':
        if (!description.trim()) return { problem: required(t('disputes.reopen.description')) };
        if (!reason.trim()) return { problem: required(t('disputes.reopen.reason')) };
        return { body: { description: description.trim(), reason: reason.trim() } };
      default:
        return { problem: '' };
    }
  };

  const save = async () => {
    if (!action) return;
    const b = bodyOf();
    if ('problem' in b) { setError(b.problem); return; }
    setSaving(true);
    setError(null);
    try {
      onDone(action, await disputeAction(dispute.id, action, b.body as never, key.current));
    } catch (e) {
      setError(errorText(e, i18n.language));
    } finally {
      setSaving(false);
    }
  };

  const reasonField = (label: string, testId: string) => (
    <Form.Item label={label} required><Input.TextArea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} data-testid={testId} /></Form.Item>
  );
  const noteField = (label: string) => (
    <Form.Item label={label}><Input.TextArea rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} data-testid="action-note" /></Form.Item>
  );

  return (
    <Modal open={!!action} onCancel={onClose} destroyOnHidden width={560} title={action ? t(TITLES[action]) : ''} onOk={() => void save()} confirmLoading={saving}
      okText={t('disputes.actions.ok')} cancelText={t('disputes.actions.cancel')} okButtonProps={{ 'data-testid': 'action-ok' } as ButtonProps}>
      <div data-testid="action-dialog"><Form layout="vertical" component="div">
        {action === 'push' ? (
          <>
            <Form.Item label={t('disputes.push.unitKind')} required>
              <Select value={unitKind} onChange={setUnitKind} options={REFERRAL_UNIT_KINDS.map((k) => ({ value: k, label: t(`disputes.unitKinds.${k}`) }))} data-testid="push-unit-kind" />
            </Form.Item>
            {unitKind === 'department' ? (
              <Form.Item label={t('disputes.push.department')} required>
                <Select showSearch optionFilterProp="label" value={departmentId} onChange={setDepartmentId} loading={departments.loading}
                  options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))} data-testid="push-department" />
              </Form.Item>
            ) : (
              <Form.Item label={t('disputes.push.unitName')} required>
                <Input value={unitName} maxLength={60} placeholder={t('disputes.push.unitNamePh')} onChange={(e) => setUnitName(e.target.value)} data-testid="push-unit-name" />
              </Form.Item>
            )}
            <Form.Item label={t('disputes.push.dueDays')} required>
              <InputNumber min={1} max={60} precision={0} value={dueDays} onChange={setDueDays} data-testid="push-due-days" />
            </Form.Item>
            {noteField(t('disputes.push.note'))}
          </>
        ) : null}
        {action === 'reply' ? (
          <>
            <Form.Item label={t('disputes.reply.referral')} required>
              <Select value={referral} onChange={setReferral} data-testid="reply-referral"
                options={dispute.referrals.filter((r) => r.canReply).map((r) => ({ value: r.id, label: `${t(`disputes.unitKinds.${r.unitKind}`)} · ${r.unitName}` }))} />
            </Form.Item>
            <Form.Item label={t('disputes.reply.text')} required><Input.TextArea rows={3} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} data-testid="reply-text" /></Form.Item>
            <Checkbox checked={done} onChange={(e) => setDone(e.target.checked)} data-testid="reply-done">{t('disputes.reply.done')}</Checkbox>
          </>
        ) : null}
        {action === 'litigate' ? (
          <>
            <Form.Item label={t('disputes.litigate.court')} required><Input value={court} maxLength={60} placeholder={t('disputes.litigate.courtPh')} onChange={(e) => setCourt(e.target.value)} data-testid="litigate-court" /></Form.Item>
            <Form.Item label={t('disputes.litigate.courtCaseNumber')} required><Input value={courtCaseNumber} maxLength={60} placeholder={t('disputes.litigate.courtCaseNumberPh')} onChange={(e) => setCourtCaseNumber(e.target.value)} data-testid="litigate-number" /></Form.Item>
            {noteField(t('disputes.litigate.note'))}
          </>
        ) : null}
        {action === 'change-tier' ? (
          <>
            <Form.Item label={t('disputes.changeTier.tier')} required>
              <Radio.Group value={tier} onChange={(e) => setTier(e.target.value as DisputeTier)} options={DISPUTE_TIERS.map((x) => ({ value: x, label: t(`disputes.tiers.${x}`) }))} data-testid="change-tier" />
            </Form.Item>
            {reasonField(t('disputes.changeTier.reason'), 'change-tier-reason')}
          </>
        ) : null}
        {action === 'assess-risk' ? (
          <>
            <Form.Item><Space><Switch checked={threats} onChange={setThreats} data-testid="risk-threats" />{t('disputes.form.threats')}</Space></Form.Item>
            <Form.Item label={t('disputes.form.groupSize')}><InputNumber min={0} max={100000} precision={0} value={groupSize} onChange={setGroupSize} /></Form.Item>
            <Form.Item label={t('disputes.form.amountYuan')}><InputNumber min={0} value={amountYuan} onChange={setAmountYuan} style={{ width: 200 }} /></Form.Item>
            {noteField(t('disputes.form.riskNote'))}
          </>
        ) : null}
        {action === 'follow-up' ? (
          <>
            <Form.Item label={t('disputes.followUp.at')} required>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" value={at} onChange={(v) => v && setAt(v)} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item label={t('disputes.followUp.method')}>
              <Radio.Group value={method} onChange={(e) => setMethod(e.target.value as 'visit' | 'phone')} options={(['visit', 'phone'] as const).map((x) => ({ value: x, label: t(`disputes.methods.${x}`) }))} />
            </Form.Item>
            <Form.Item label={t('disputes.followUp.holds')}>
              <Radio.Group value={holds} onChange={(e) => setHolds(e.target.value as boolean)} data-testid="follow-up-holds"
                options={[{ value: true, label: t('disputes.detail.holdsYes') }, { value: false, label: t('disputes.detail.holdsNo') }]} />
            </Form.Item>
            {noteField(t('disputes.followUp.note'))}
          </>
        ) : null}
        {action === 'close' ? (
          <>
            <Typography.Paragraph type="secondary">{t('disputes.close.hint')}</Typography.Paragraph>
            {reasonField(t('disputes.close.reason'), 'close-reason')}
          </>
        ) : null}
        {action === 'reopen' ? (
          <>
            <Typography.Paragraph type="secondary">{t('disputes.reopen.hint')}</Typography.Paragraph>
            <Form.Item label={t('disputes.reopen.description')} required><Input.TextArea rows={3} maxLength={2000} value={description} onChange={(e) => setDescription(e.target.value)} data-testid="reopen-description" /></Form.Item>
            {reasonField(t('disputes.reopen.reason'), 'reopen-reason')}
          </>
        ) : null}
        {error ? <Alert type="error" showIcon title={error} data-testid="action-error" /> : null}
      </Form></div>
    </Modal>
  );
}
