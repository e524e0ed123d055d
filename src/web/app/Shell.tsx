// The desktop shell: side menu by role, header with the user (修改密码 in their menu), scope, language and sign-out.
import { Avatar, Button, Dropdown, Layout, Menu, Space, Tag, Tooltip, Typography, type MenuProps } from 'antd';
import { CommentOutlined, PieChartOutlined, SearchOutlined, TagsOutlined, AimOutlined, AlertOutlined, ApartmentOutlined, ApiOutlined, AuditOutlined, BarChartOutlined, CalendarOutlined, CarryOutOutlined, CoffeeOutlined, ControlOutlined, DashboardOutlined, DownOutlined, EnvironmentOutlined, FileDoneOutlined, FundOutlined, HomeOutlined, InboxOutlined, KeyOutlined, LogoutOutlined, NodeIndexOutlined, NotificationOutlined, OrderedListOutlined, PhoneOutlined, ProfileOutlined, ReconciliationOutlined, SafetyCertificateOutlined, SafetyOutlined, ScheduleOutlined, SendOutlined, TeamOutlined, ThunderboltOutlined, UnorderedListOutlined, UserOutlined, WifiOutlined, GiftOutlined, FlagOutlined, HeartOutlined, ShopOutlined, StarOutlined, TrophyOutlined, AccountBookOutlined, SolutionOutlined, CheckSquareOutlined, BranchesOutlined, BankOutlined, UsergroupAddOutlined, BulbOutlined, DesktopOutlined, LineChartOutlined, LikeOutlined, RiseOutlined, TableOutlined, HeatMapOutlined, CompassOutlined, FundProjectionScreenOutlined } from '@ant-design/icons';
import { useState, type ReactNode } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe, useAuth } from './auth.tsx';
import { desktopAllowed, navFor, type NavEntry, type NavGroup, type NavKey } from './nav.ts';
import { CALENDAR_EDITORS, holdsAnyRole } from '../../shared/roles.ts';
import '../features/cases/desktop/locales.ts';
import '../features/cases/locales.ts';
import '../features/audit/locales.ts';
import '../features/registry/locales.ts';
import '../features/tasks/desktop/locales.ts';
import '../features/duties/locales.ts';
import '../features/alarms/locales.ts';
import '../features/devices/locales.ts';
import '../features/alarms/partners/locales.ts';
import '../features/plans/incidents/locales.ts';
import '../features/plans/locales.ts';
import '../features/disputes/locales.ts';
import '../features/enforcement/locales.ts';
import '../features/participation/locales.ts';
import '../features/points/locales.ts';
import '../features/volunteers/locales.ts';
import '../features/screen/nav-locales.ts';
import { CalendarMissingTag } from '../features/calendar/CalendarMissingTag.tsx';
import { ChangePasswordModal } from '../features/identity/accounts/ChangePasswordModal.tsx';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { BrandMark } from '../ui/BrandMark.tsx';

const ICONS: Record<NavKey, ReactNode> = {
  overview: <FundOutlined />, myGrid: <AimOutlined />, workbench: <DashboardOutlined />, intake: <PhoneOutlined />, inbox: <InboxOutlined />, registry: <HomeOutlined />,
  orgMap: <EnvironmentOutlined />, boards: <ApartmentOutlined />, dutyRoster: <ScheduleOutlined />, matters: <ProfileOutlined />,
  accounts: <TeamOutlined />, audit: <AuditOutlined />, calendar: <CalendarOutlined />,
  taskProgress: <BarChartOutlined />, taskMap: <NodeIndexOutlined />, taskList: <UnorderedListOutlined />, campaigns: <NotificationOutlined />, absences: <CoffeeOutlined />,
  dutyCatalog: <OrderedListOutlined />, dutyAdmissions: <FileDoneOutlined />, standingDuties: <CarryOutOutlined />,
  alarmCenter: <AlertOutlined />, devices: <WifiOutlined />, alarmRules: <ControlOutlined />, partnerWebhooks: <SendOutlined />, alertPlatforms: <ApiOutlined />,
  incidents: <ThunderboltOutlined />, plans: <SafetyCertificateOutlined />,
  disputes: <CommentOutlined />, disputeSweeps: <SearchOutlined />, disputeStats: <PieChartOutlined />, disputeClasses: <TagsOutlined />,
  enforcementCases: <SafetyOutlined />, enforcementMatters: <ProfileOutlined />, inspections: <ReconciliationOutlined />, enforcementStats: <BarChartOutlined />,
  pointRules: <SolutionOutlined />, pointAccounts: <AccountBookOutlined />, pointAssessments: <CheckSquareOutlined />, pointSupermarket: <ShopOutlined />,
  pointCivility: <TrophyOutlined />, pointReconciliations: <ReconciliationOutlined />, volunteerTeams: <HeartOutlined />, volunteerActivities: <GiftOutlined />,
  partyMembers: <FlagOutlined />,
  participationMatters: <BranchesOutlined />, councils: <BankOutlined />, meetings: <UsergroupAddOutlined />, ideas: <BulbOutlined />, helpRequests: <HeartOutlined />,
  commandScreen: <DesktopOutlined />, indicators: <LineChartOutlined />, ratings: <StarOutlined />, departmentEvaluations: <LikeOutlined />,
  rankings: <RiseOutlined />, reports: <TableOutlined />, hotspots: <HeatMapOutlined />, circleProjects: <CompassOutlined />,
};
const GROUP_ICONS: Record<NavGroup, ReactNode> = { participation: <TeamOutlined />, pointsVolunteers: <StarOutlined />, governance: <FundProjectionScreenOutlined /> };

/** The side menu's items: entries of a group fold into one sub-menu where the group's first entry stands. */
function menuItems(entries: NavEntry[], label: (e: NavEntry) => string, groupLabel: (g: NavGroup) => string, go: (path: string) => void): MenuProps['items'] {
  const items: NonNullable<MenuProps['items']> = [];
  const groups = new Map<NavGroup, { key: string; children: NonNullable<MenuProps['items']> }>();
  for (const e of entries) {
    const item = { key: e.key, icon: ICONS[e.key], label: label(e), onClick: () => go(e.path) };
    if (!e.group) { items.push(item); continue; }
    let g = groups.get(e.group);
    if (!g) {
      g = { key: `group:${e.group}`, children: [] };
      groups.set(e.group, g);
      items.push({ key: g.key, icon: GROUP_ICONS[e.group], label: groupLabel(e.group), children: g.children });
    }
    g.children.push(item);
  }
  return items;
}

export function Shell() {
  const me = useMe();
  const { logout } = useAuth();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [passwordOpen, setPasswordOpen] = useState(false);
  if (!desktopAllowed(me, pathname)) return <Navigate to="/m" replace />;
  const entries = navFor(me);
  // the longest path that holds the page: /disputes/sweeps/… is 大排查, not 矛盾纠纷
  const current = entries.filter((e) => pathname.startsWith(e.path)).sort((a, b) => b.path.length - a.path.length)[0];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={208} breakpoint="lg" collapsedWidth={64} data-testid="side-menu">
        <BrandMark dark />
        <Menu
          theme="dark" mode="inline" selectedKeys={current ? [current.key] : []}
          defaultOpenKeys={current?.group ? [`group:${current.group}`] : []}
          items={menuItems(entries, (e) => t(`nav.${e.key}`), (g) => t(`navGroup.${g}`), (path) => void navigate(path))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="zz-header">
          <Typography.Title level={5} style={{ margin: 0 }}>{current ? t(`nav.${current.key}`) : t('app.fullName')}</Typography.Title>
          <Space size="middle">
            {holdsAnyRole(me.roles, CALENDAR_EDITORS) ? <CalendarMissingTag /> : null}
            <Tooltip title={t('shell.scope')}>
              <Tag icon={<EnvironmentOutlined />} color="geekblue" data-testid="scope-tag">
                {me.scopeOrgUnit ? me.scopeOrgUnit.name : t('shell.noScope')}
              </Tag>
            </Tooltip>
            <Dropdown trigger={['click']} menu={{ items: [{ key: 'password', icon: <KeyOutlined />, label: t('accounts.password.menu'), onClick: () => setPasswordOpen(true) }] }}>
              <Space size={8} className="zz-user-menu" data-testid="user-menu" style={{ cursor: 'pointer' }}>
                <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1f5fa8' }} />
                <span data-testid="user-name">{me.name}</span>
                <Typography.Text type="secondary">{me.roles.map((r) => t(`roles.${r}`)).join('、')}</Typography.Text>
                <DownOutlined style={{ fontSize: 10, color: 'rgba(0,0,0,0.45)' }} />
              </Space>
            </Dropdown>
            <LanguageSwitch />
            <Button icon={<LogoutOutlined />} onClick={() => void logout()} data-testid="logout">{t('shell.logout')}</Button>
          </Space>
        </Layout.Header>
        <Layout.Content className="zz-content">
          <Outlet />
        </Layout.Content>
        <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
      </Layout>
    </Layout>
  );
}
