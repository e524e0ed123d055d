// The town office's upkeep of an item: correct its text (修改), take it out of the list with a reason (退出清单).
import { App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DUTY_LIMITS } from '../../../shared/duties.ts';
import { errorText } from '../../lib/api.ts';
import { editItem, retireItem, type DutyItem } from './api.ts';

export function EditItemModal({ item, onClose, onSaved }: { item: DutyItem; onClose: () => void; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; description: string; basis: string; department: string }>();
  const [busy, setBusy] = useState(false);
  const required = (field: string) => [{ required: true, whitespace: true, message: t('duties.catalog.required', { field: t(`duties.catalog.fields.${field}`) }) }];
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await editItem(item.id, { version: item.version, name: v.name, basis: v.basis, description: v.description || null, department: v.department || null });
      message.success(t('duties.catalog.saved'));
      onSaved();
    } catch (e) {
      message.error(errorText(e, i18n.language));
    } finally { setBusy(false); }
  };
  return (
    <Modal open title={t('duties.catalog.editTitle', { code: item.code })} onCancel={onClose} onOk={() => void save()} confirmLoading={busy} destroyOnHidden data-testid="duty-edit">
      <Typography.Paragraph type="secondary">{t('duties.catalog.editHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ name: item.name, description: item.description ?? '', basis: item.basis, department: item.department ?? '' }}>
        <Form.Item name="name" label={t('duties.catalog.fields.name')} rules={required('name')}><Input maxLength={DUTY_LIMITS.name} /></Form.Item>
        <Form.Item name="basis" label={t('duties.catalog.fields.basis')} rules={required('basis')}><Input.TextArea rows={2} maxLength={DUTY_LIMITS.basis} /></Form.Item>
        <Form.Item name="department" label={t('duties.catalog.fields.department')} rules={item.listType === 'basic' ? [] : required('department')}><Input maxLength={DUTY_LIMITS.department} /></Form.Item>
        <Form.Item name="description" label={t('duties.catalog.fields.description')}><Input.TextArea rows={2} maxLength={DUTY_LIMITS.text} /></Form.Item>
      </Form>
    </Modal>
  );
}

export function RetireItemModal({ item, onClose, onSaved }: { item: DutyItem; onClose: () => void; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await retireItem(item.id, item.version, v.reason);
      message.success(t('duties.catalog.retiredDone'));
      onSaved();
    } catch (e) {
      message.error(errorText(e, i18n.language));
    } finally { setBusy(false); }
  };
  return (
    <Modal open title={t('duties.catalog.retireTitle', { name: item.name })} onCancel={onClose} onOk={() => void save()} confirmLoading={busy}
      okButtonProps={{ danger: true }} destroyOnHidden data-testid="duty-retire">
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('duties.catalog.retireReason')} rules={[{ required: true, whitespace: true, message: t('duties.catalog.required', { field: t('duties.catalog.retireReason') }) }]}>
          <Input.TextArea rows={3} maxLength={DUTY_LIMITS.reason} placeholder={t('duties.catalog.retireReasonHint')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
