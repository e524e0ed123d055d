// The hazard ledger's forms (隐患台账): 登记隐患 on a building, thing or household (what it was found on pre-filled),
// 跟进 on an entry (what was done, the next check, resolved), and 迁出/注销 of a household member. Each sends what its
// schema takes; a follow-up sends the version it read, and a stale one is refused in words and the page reloaded.
import { useEffect, useMemo, useState } from 'react';
import { App, Checkbox, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError, api, errorText } from '../../lib/api.ts';
import type * as s from '../../../server/registry/schemas.ts';
import { REGISTRY_LIMITS } from '../../../shared/registry.ts';
import { newKey, type Hazard, type Resident } from './api.ts';
import { useEnumLabel } from './parts.tsx';
import './locales.ts';

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const maxText = REGISTRY_LIMITS.hazardText;

export const createHazard = (body: s.HazardBodyT, key: string) =>
  api<Hazard>('/api/registry/hazards', { method: 'POST', body, headers: { 'idempotency-key': key } });
export const updateHazard = (id: string, body: s.HazardPatchT) =>
  api<Hazard>(`/api/registry/hazards/${encodeURIComponent(id)}`, { method: 'PATCH', body });
export const leaveResident = (id: string, body: { reason: 'movedAway' | 'died' | 'other'; note?: string; version?: number }) =>
  api<unknown>(`/api/registry/residents/${encodeURIComponent(id)}/leave`, { method: 'POST', body });

/** What the new entry is found on: a thing, a building, or a household's flat (with its building). */
export interface HazardAt { thingId?: string; buildingId?: string | null; householdId?: string; where: string }

interface NewValues { foundOn: Dayjs; description: string; actionTaken?: string; nextCheckOn?: Dayjs | null }

export function HazardCreateModal({ at, onClose, onSaved }: { at: HazardAt | null; onClose: () => void; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewValues>();
  const [busy, setBusy] = useState(false);
  const key = useMemo(() => newKey(), [at]);
  useEffect(() => { if (at) { form.resetFields(); form.setFieldsValue({ foundOn: dayjs() }); } }, [at, form]);
  const save = async () => {
    if (!at) return;
    let v: NewValues;
    try { v = await form.validateFields(); } catch { return; }
    setBusy(true);
    try {
      await createHazard({
        thingId: at.thingId ?? null, buildingId: at.buildingId ?? null, householdIds: at.householdId ? [at.householdId] : [],
        foundOn: day(v.foundOn)!, description: v.description.trim(), actionTaken: v.actionTaken?.trim() || null, nextCheckOn: day(v.nextCheckOn),
      }, key);
      message.success(t('registry.hazard.saved'));
      onSaved();
    } catch (e) {
      message.error(errorText(e, i18n.language));
    } finally { setBusy(false); }
  };
  return (
    <Modal open={at !== null} title={t('registry.hazard.add')} onCancel={onClose} onOk={() => void save()} confirmLoading={busy} destroyOnHidden
      okText={t('registry.actions.save')} cancelText={t('registry.actions.cancel')} okButtonProps={{ 'data-testid': 'hazard-save' } as never}>
      <div className="zz-muted" style={{ marginBottom: 12 }} data-testid="hazard-where">{t('registry.hazard.where')}：{at?.where}</div>
      <Form form={form} layout="vertical" data-testid="hazard-form">
        <Form.Item name="foundOn" label={t('registry.household.foundOn')} rules={[{ required: true, message: t('registry.hazard.needFoundOn') }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="description" label={t('registry.hazard.description')} rules={[{ required: true, whitespace: true, message: t('registry.hazard.needDescription') }]}>
          <Input.TextArea rows={3} maxLength={maxText} placeholder={t('registry.hazard.descriptionHint')} data-testid="hazard-description" />
        </Form.Item>
        <Form.Item name="actionTaken" label={t('registry.household.followUp')}>
          <Input.TextArea rows={2} maxLength={maxText} data-testid="hazard-action" />
        </Form.Item>
        <Form.Item name="nextCheckOn" label={t('registry.household.nextCheck')}>
          <DatePicker style={{ width: '100%' }} data-testid="hazard-next-check" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface FollowValues { actionTaken: string; nextCheckOn?: Dayjs | null; resolved?: boolean }

/** 跟进: what was done, the next check, resolved; a stale version is refused in words and the page reloaded. */
export function HazardFollowUpModal({ hazard, onClose, onSaved }: { hazard: Hazard | null; onClose: () => void; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FollowValues>();
  const [busy, setBusy] = useState(false);
  const resolved = Form.useWatch('resolved', form);
  useEffect(() => {
    if (hazard) { form.resetFields(); form.setFieldsValue({ nextCheckOn: hazard.nextCheckOn ? dayjs(hazard.nextCheckOn) : null, resolved: hazard.status === 'resolved' }); }
  }, [hazard, form]);
  const save = async () => {
    if (!hazard) return;
    let v: FollowValues;
    try { v = await form.validateFields(); } catch { return; }
    setBusy(true);
    try {
      await updateHazard(hazard.id, {
        version: hazard.version, actionTaken: v.actionTaken.trim(), nextCheckOn: v.resolved ? null : day(v.nextCheckOn),
        status: v.resolved ? 'resolved' : 'open',
      });
      message.success(t('registry.hazard.followedUp'));
      onSaved();
    } catch (e) {
      message.error(errorText(e, i18n.language));
      if (e instanceof ApiError && e.status === 409) onSaved(); // someone else followed it up: show theirs
    } finally { setBusy(false); }
  };
  return (
    <Modal open={hazard !== null} title={t('registry.hazard.followUpTitle')} onCancel={onClose} onOk={() => void save()} confirmLoading={busy} destroyOnHidden
      okText={t('registry.actions.save')} cancelText={t('registry.actions.cancel')} okButtonProps={{ 'data-testid': 'follow-up-save' } as never}>
      <div className="zz-muted" style={{ marginBottom: 12 }}>{hazard?.description}</div>
      <Form form={form} layout="vertical" data-testid="follow-up-form">
        <Form.Item name="actionTaken" label={t('registry.hazard.actionNow')} rules={[{ required: true, whitespace: true, message: t('registry.hazard.needAction') }]}>
          <Input.TextArea rows={3} maxLength={maxText} placeholder={t('registry.hazard.actionHint')} data-testid="follow-up-action" />
        </Form.Item>
        <Form.Item name="nextCheckOn" label={t('registry.household.nextCheck')}>
          <DatePicker style={{ width: '100%' }} disabled={resolved === true} data-testid="follow-up-next-check" />
        </Form.Item>
        <Form.Item name="resolved" valuePropName="checked">
          <Checkbox data-testid="follow-up-resolved">{t('registry.hazard.markResolved')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

const LEAVE_REASONS = ['movedAway', 'died', 'other'] as const;
interface LeaveValues { reason: (typeof LEAVE_REASONS)[number]; note?: string }

/** 迁出/注销 of a member: the reason (迁出, 死亡, 其他 with words), confirmed. */
export function LeaveModal({ member, onClose, onSaved }: { member: Resident | null; onClose: () => void; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const label = useEnumLabel();
  const [form] = Form.useForm<LeaveValues>();
  const [busy, setBusy] = useState(false);
  const reason = Form.useWatch('reason', form);
  useEffect(() => { if (member) { form.resetFields(); form.setFieldsValue({ reason: 'movedAway' }); } }, [member, form]);
  const save = async () => {
    if (!member) return;
    let v: LeaveValues;
    try { v = await form.validateFields(); } catch { return; }
    setBusy(true);
    try {
      await leaveResident(member.id, { reason: v.reason, ...(v.note?.trim() ? { note: v.note.trim() } : {}), version: member.version });
      message.success(t('registry.leave.done', { name: member.name }));
      onSaved();
    } catch (e) {
      message.error(errorText(e, i18n.language));
      if (e instanceof ApiError && e.status === 409) onSaved();
    } finally { setBusy(false); }
  };
  return (
    <Modal open={member !== null} title={t('registry.leave.title', { name: member?.name ?? '' })} onCancel={onClose} onOk={() => void save()}
      confirmLoading={busy} destroyOnHidden okText={t('registry.leave.confirm')} okButtonProps={{ danger: true, 'data-testid': 'leave-confirm' } as never}
      cancelText={t('registry.actions.cancel')}>
      <p>{t('registry.leave.explain')}</p>
      <Form form={form} layout="vertical" data-testid="leave-form">
        <Form.Item name="reason" label={t('registry.leave.reason')} rules={[{ required: true }]}>
          <Radio.Group options={LEAVE_REASONS.map((r) => ({ value: r, label: label('leaveReason', r) }))} data-testid="leave-reason" />
        </Form.Item>
        <Form.Item name="note" label={t('registry.leave.note')} dependencies={['reason']} required={reason === 'other'}
          rules={[({ getFieldValue }) => ({
            validator: (_: unknown, v: string | undefined) => (getFieldValue('reason') === 'other' && !v?.trim() ? Promise.reject(new Error(t('registry.leave.needNote'))) : Promise.resolve()),
          })]}>
          <Input maxLength={200} placeholder={t('registry.leave.noteHint')} data-testid="leave-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
