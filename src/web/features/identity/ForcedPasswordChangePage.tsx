// After a sign-in with a one-time password (an administrator created or reset the account): nothing else opens until
// the holder sets a password of their own; the server answers every other request 403 PASSWORD_CHANGE_REQUIRED anyway.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkPasswordPolicy } from '../../../domain/identity/password-policy.ts';
import { ApiError, errorText } from '../../lib/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { LanguageSwitch } from '../../ui/LanguageSwitch.tsx';
import { changePassword } from './accounts/api.ts';
import './accounts/locales.ts';

interface Values { currentPassword: string; newPassword: string; confirm: string }

export function ForcedPasswordChangePage() {
  const { t, i18n } = useTranslation();
  const { me, refresh, logout } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      await changePassword(v.currentPassword, v.newPassword);
      message.success(t('accounts.forced.done'));
      await refresh();
    } catch (e) {
      const text = errorText(e, i18n.language);
      if (e instanceof ApiError && e.status === 401) form.setFields([{ name: 'currentPassword', errors: [text] }]);
      else if (e instanceof ApiError && e.status === 400) form.setFields([{ name: 'newPassword', errors: [text] }]);
      else message.error(text);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 16, background: '#f5f7fa' }} data-testid="forced-password-page">
      <Card style={{ width: '100%', maxWidth: 420 }} extra={<LanguageSwitch />} title={t('accounts.forced.title')}>
        <Alert type="info" showIcon title={t('accounts.forced.subtitle')} style={{ marginBottom: 16 }} />
        {me ? <Typography.Paragraph type="secondary">{me.name}（{me.username}）</Typography.Paragraph> : null}
        <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <Form.Item name="currentPassword" label={t('accounts.forced.current')} rules={[{ required: true, message: t('accounts.password.currentRequired') }]}>
            <Input.Password autoComplete="current-password" data-testid="forced-current" />
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
            <Input.Password autoComplete="new-password" data-testid="forced-new" />
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
            <Input.Password autoComplete="new-password" data-testid="forced-confirm" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="forced-submit">{t('accounts.forced.submit')}</Button>
          <Button type="link" block onClick={() => void logout()} style={{ marginTop: 8 }}>{t('accounts.forced.logout')}</Button>
        </Form>
      </Card>
    </div>
  );
}
