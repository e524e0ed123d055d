// The desktop shell: side menu by role, header with the user, scope, language and sign-out.
import { Avatar, Button, Layout, Menu, Space, Tag, Tooltip, Typography } from 'antd';
import { ApartmentOutlined, DashboardOutlined, EnvironmentOutlined, InboxOutlined, LogoutOutlined, PhoneOutlined, ProfileOutlined, UserOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe, useAuth } from './auth.tsx';
import { navFor, type NavKey } from './nav.ts';
import '../features/cases/desktop/locales.ts';
import { usesMobile } from '../features/identity/api.ts';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { BrandMark } from '../ui/BrandMark.tsx';

const ICONS: Record<NavKey, ReactNode> = {
  workbench: <DashboardOutlined />, intake: <PhoneOutlined />, inbox: <InboxOutlined />,
  orgMap: <EnvironmentOutlined />, boards: <ApartmentOutlined />, matters: <ProfileOutlined />,
};

export function Shell() {
  const me = useMe();
  const { logout } = useAuth();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  if (usesMobile(me)) return <Navigate to="/m" replace />;
  const entries = navFor(me);
  const current = entries.find((e) => pathname.startsWith(e.path));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={208} breakpoint="lg" collapsedWidth={64} data-testid="side-menu">
        <BrandMark dark />
        <Menu
          theme="dark" mode="inline" selectedKeys={current ? [current.key] : []}
          items={entries.map((e) => ({ key: e.key, icon: ICONS[e.key], label: t(`nav.${e.key}`), onClick: () => navigate(e.path) }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="zz-header">
          <Typography.Title level={5} style={{ margin: 0 }}>{current ? t(`nav.${current.key}`) : t('app.fullName')}</Typography.Title>
          <Space size="middle">
            <Tooltip title={t('shell.scope')}>
              <Tag icon={<EnvironmentOutlined />} color="geekblue" data-testid="scope-tag">
                {me.scopeOrgUnit ? me.scopeOrgUnit.name : t('shell.noScope')}
              </Tag>
            </Tooltip>
            <Space size={8}>
              <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1f5fa8' }} />
              <span data-testid="user-name">{me.name}</span>
              <Typography.Text type="secondary">{me.roles.map((r) => t(`roles.${r}`)).join('、')}</Typography.Text>
            </Space>
            <LanguageSwitch />
            <Button icon={<LogoutOutlined />} onClick={() => void logout()} data-testid="logout">{t('shell.logout')}</Button>
          </Space>
        </Layout.Header>
        <Layout.Content className="zz-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
