// 修改密码: current + new + confirm, checked against the server's policy before sending.
import { useState } from 'react';
import { App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText } from '../../../lib/api.ts';
import { changePassword } from './api.ts';
import './locales.ts';
import { PasswordFields, type PasswordValues } from './PasswordFields.tsx';

type Values = PasswordValues;

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      await changePassword(v.currentPassword, v.newPassword);
      message.success(t('accounts.password.done'));
      form.resetFields();
      onClose();
    } catch (e) {
      const text = errorText(e, i18n.language);
      if (e instanceof ApiError && e.status === 401) form.setFields([{ name: 'currentPassword', errors: [text] }]);
      else if (e instanceof ApiError && e.status === 400) form.setFields([{ name: 'newPassword', errors: [text] }]);
      else message.error(text);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open} title={t('accounts.password.title')} okText={t('accounts.password.submit')} cancelText={t('accounts.password.cancel')}
      confirmLoading={saving} onOk={() => form.submit()} onCancel={() => { form.resetFields(); onClose(); }} destroyOnHidden width={420}
      okButtonProps={{ 'data-testid': 'password-submit' }}
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="password-form" requiredMark={false}>
        <PasswordFields currentLabel={t('accounts.password.current')} testIdPrefix="password" />
      </Form>
    </Modal>
  );
}
