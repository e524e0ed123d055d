// 修改密码: current + new + confirm, checked against the server's policy before sending.
import { useState } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkPasswordPolicy } from '../../../../domain/identity/password-policy.ts';
import { ApiError, errorText } from '../../../lib/api.ts';
import { changePassword } from './api.ts';
import './locales.ts';

interface Values { currentPassword: string; newPassword: string; confirm: string }

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
        <Form.Item name="currentPassword" label={t('accounts.password.current')} rules={[{ required: true, message: t('accounts.password.currentRequired') }]}>
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item
          name="newPassword" label={t('accounts.password.next')} extra={t('accounts.password.hint')} dependencies={['currentPassword']}
          rules={[
            { required: true, message: t('accounts.password.nextRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) => {
                if (!value) return Promise.resolve();
                const problem = checkPasswordPolicy(value);
                if (problem) return Promise.reject(new Error(t(`accounts.password.${problem}`)));
                if (value === getFieldValue('currentPassword')) return Promise.reject(new Error(t('accounts.password.same')));
                return Promise.resolve();
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirm" label={t('accounts.password.confirm')} dependencies={['newPassword']}
          rules={[
            { required: true, message: t('accounts.password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('accounts.password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
