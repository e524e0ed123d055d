// Sign-in: username and password, API errors in the user's language, demo accounts outside production.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Navigate, useNavigate } from 'react-router';
import { Trans, useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { errorText } from '../../lib/api.ts';
import { homePath } from '../../app/nav.ts';
import { LanguageSwitch } from '../../ui/LanguageSwitch.tsx';
import { BrandMark } from '../../ui/BrandMark.tsx';
import { fetchDemoAccounts, type DemoAccounts } from './api.ts';
import './register-locales.ts';

interface Values { username: string; password: string }

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const { status, me, login } = useAuth();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [demo, setDemo] = useState<DemoAccounts | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    fetchDemoAccounts(ctrl.signal).then(setDemo, () => setDemo(null));
    return () => ctrl.abort();
  }, []);

  if (status === 'signedIn' && me) return <Navigate to={homePath(me)} replace />;

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const user = await login(v.username.trim(), v.password);
      navigate(homePath(user), { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="zz-login">
      <section className="zz-login-hero">
        <BrandMark />
        <h1>{t('app.fullName')}</h1>
        <p>{t('app.slogan')}</p>
        <div className="zz-login-pillars">
          <span>党的建设</span><span>经济发展</span><span>民生服务</span><span>平安法治</span><span>基层治理指挥中心</span>
        </div>
      </section>
      <section className="zz-login-panel">
        <div className="zz-login-lang"><LanguageSwitch /></div>
        <Card style={{ width: '100%', maxWidth: 400 }} variant="borderless">
          <Typography.Title level={3} style={{ marginBottom: 4 }}>{t('login.title')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
          {error ? <Alert type="error" showIcon title={errorText(error, i18n.language)} style={{ marginBottom: 16 }} data-testid="login-error" /> : null}
          <Form<Values> form={form} layout="vertical" size="large" onFinish={(v) => void submit(v)} requiredMark={false}>
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus placeholder={t('register.signInHint')} />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>{t('login.submit')}</Button>
          </Form>
          <Space size={4} style={{ marginTop: 16, fontSize: 13 }} data-testid="public-links">
            <Link to="/m/public/report">{t('login.publicReport')}</Link>
            <Typography.Text type="secondary">·</Typography.Text>
            <Link to="/m/track">{t('login.track')}</Link>
            <Typography.Text type="secondary">·</Typography.Text>
            <Link to="/m/register" data-testid="register-link">{t('register.linkFromLogin')}</Link>
          </Space>
          {demo ? (
            <div style={{ marginTop: 24 }} data-testid="demo-accounts">
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                <Trans i18nKey="login.demoHint" values={{ password: demo.password }} components={{ id: <span translate="no" /> }} />
              </Typography.Text>
              <div className="zz-login-demo">
                {demo.accounts.map((a) => (
                  <button
                    type="button" key={a.username} data-username={a.username}
                    onClick={() => form.setFieldsValue({ username: a.username, password: demo.password })}
                  >
                    <span>{a.name} · {a.roles.map((r) => t(`roles.${r}`)).join('、')}</span>
                    <span className="zz-login-demo-username" translate="no">{a.username}</span>
                  </button>
                ))}
              </div>
            </div>
          ) : null}
        </Card>
      </section>
    </div>
  );
}
