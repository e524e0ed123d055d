// The town office's decision on a request: 准入 (a note if wished) or 不予准入 (a note required).
import { App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DUTY_LIMITS } from '../../../shared/duties.ts';
import { errorText } from '../../lib/api.ts';
import { decideAdmission, type Admission } from './api.ts';

export function DecideModal({ admission, decision, onClose, onDone }: { admission: Admission; decision: 'approve' | 'refuse'; onClose: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const [busy, setBusy] = useState(false);
  const refuse = decision === 'refuse';
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await decideAdmission(admission.id, decision, v.note?.trim() || null);
      message.success(t(refuse ? 'duties.admissions.refusedDone' : 'duties.admissions.approved'));
      onDone();
    } catch (e) {
      message.error(errorText(e, i18n.language));
      onDone();
    } finally { setBusy(false); }
  };
  return (
    <Modal open title={t(refuse ? 'duties.admissions.refuseTitle' : 'duties.admissions.approveTitle', { name: admission.item.name })}
      onCancel={onClose} onOk={() => void save()} confirmLoading={busy} okButtonProps={refuse ? { danger: true } : {}}
      okText={t(refuse ? 'duties.admissions.refuse' : 'duties.admissions.approve')} destroyOnHidden>
      {refuse ? null : <Typography.Paragraph type="secondary">{t('duties.admissions.approveHint', { list: t(`duties.levelLists.${admission.level}`) })}</Typography.Paragraph>}
      <Form form={form} layout="vertical">
        <Form.Item name="note" label={t('duties.admissions.note')}
          rules={refuse ? [{ required: true, whitespace: true, message: t('duties.admissions.noteRequired') }] : []}>
          <Input.TextArea rows={3} maxLength={DUTY_LIMITS.reason} placeholder={refuse ? t('duties.admissions.notePlaceholder') : undefined} data-testid="decision-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
