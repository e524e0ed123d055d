// After a sign-in with a one-time password (an administrator created or reset the account): nothing else opens until
// the holder sets a password of their own; the server answers every other request 403 PASSWORD_CHANGE_REQUIRED anyway.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText } from '../../lib/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { LanguageSwitch } from '../../ui/LanguageSwitch.tsx';
import { changePassword } from './accounts/api.ts';
import './accounts/locales.ts';
import { PasswordFields, type PasswordValues } from './accounts/PasswordFields.tsx';

type Values = PasswordValues;

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
        {me ? <Typography.Paragraph type="secondary">{me.name}（<span translate="no">{me.username}</span>）</Typography.Paragraph> : null}
        <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <PasswordFields currentLabel={t('accounts.forced.current')} testIdPrefix="forced" />
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="forced-submit">{t('accounts.forced.submit')}</Button>
          <Button type="link" block onClick={() => void logout()} style={{ marginTop: 8 }}>{t('accounts.forced.logout')}</Button>
        </Form>
      </Card>
    </div>
  );
}
