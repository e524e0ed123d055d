// The mobile home of grid workers and residents: who they are, their grid and its team. Reporting comes later.
import { Button, Card, DotLoading, ErrorBlock, List, NavBar, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useAuth, useMe } from '../../app/auth.tsx';
import { useApi } from '../../lib/useApi.ts';
import { errorText } from '../../lib/api.ts';
import { LanguageSwitch } from '../../ui/LanguageSwitch.tsx';
import { TEAM_ROLES } from '../../../shared/org-levels.ts';
import { fetchTeam } from './api.ts';
// the case home also registers the texts of the case views (cviews) used below
import { MobileCasesHome } from '../cases/public.ts';
import { IncidentStepsBanner } from '../plans/mobile/public.ts';
import { RegistryHomeTile } from '../registry/mobile/public.ts';
import { TasksHomeTile } from '../tasks/public.ts';
import { EnforcementHomeTile } from '../enforcement/mobile/public.ts';
import { DisputesHomeTile } from '../disputes/mobile/public.ts';
import { ParticipationHomeTiles } from '../participation/mobile/public.ts';
import { RatingsHomeTile } from '../ratings/mobile/public.ts';
import { ScreenHomeTile } from '../screen/mobile/public.ts';
import { ProjectsHomeTile } from '../analytics/mobile/public.ts';

export function MyGridPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { logout } = useAuth();
  const gridId = me.kind === 'staff' ? (me.grids[0]?.gridId ?? (me.scopeOrgUnit?.level === 'grid' ? me.scopeOrgUnit.id : null)) : null;
  const team = useApi(gridId ? (signal) => fetchTeam(gridId, signal) : null, [gridId]);
  const myRole = me.grids[0]?.teamRole;
  const members = [...(team.data?.members ?? [])].sort((a, b) => TEAM_ROLES.indexOf(a.teamRole) - TEAM_ROLES.indexOf(b.teamRole));

  return (
    <div style={{ minHeight: '100vh', background: '#f3f5f8', maxWidth: 640, margin: '0 auto' }} data-testid="mobile-home">
      <NavBar back={null} right={<Button size="mini" fill="none" style={{ color: '#fff' }} onClick={() => void logout()}>{t('shell.logout')}</Button>}
        style={{ background: '#c0392b', color: '#fff' }}>
        {t('app.name')} · {t('nav.mobileHome')}
      </NavBar>
      <div className="zz-elder-scale" style={{ padding: 12, display: 'grid', gap: 12 }}>
        <ScreenHomeTile />
        <MobileCasesHome />
        <IncidentStepsBanner />
        <TasksHomeTile />
        <RatingsHomeTile />
        <RegistryHomeTile />
        <EnforcementHomeTile />
        <DisputesHomeTile />
        <ProjectsHomeTile />
        <ParticipationHomeTiles />
        <Card title={t('mobile.hello', { name: me.name })} extra={<LanguageSwitch size="small" />}>
          <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
            {me.roles.map((r) => <Tag key={r} color="primary" fill="outline">{t(`roles.${r}`)}</Tag>)}
            {myRole ? <Tag color="success" fill="outline">{t(`teamRoles.${myRole}`)}</Tag> : null}
          </div>
        </Card>
        {me.kind === 'resident' ? (
          <List header={t('mobile.profile')}>
            <List.Item extra={me.homeOrgUnit?.name ?? (me.homeOrgUnitId ? t('mobile.homeGridRegistered') : '—')}>{t('mobile.homeGrid')}</List.Item>
          </List>
        ) : !gridId ? (
          <ErrorBlock status="empty" title={t('mobile.noGrid')} description="" />
        ) : team.loading ? (
          <div style={{ textAlign: 'center', padding: 24 }}><DotLoading /></div>
        ) : team.error ? (
          <ErrorBlock status="default" title={errorText(team.error, i18n.language)} description="" />
        ) : team.data ? (
          <>
            <List header={t('mobile.myGrid')} data-testid="my-grid">
              <List.Item extra={team.data.grid.name}>{t('levels.grid')}</List.Item>
              <List.Item extra={team.data.grid.code}>{t('org.code')}</List.Item>
              <List.Item extra={`${team.data.grid.population ?? '—'} ${t('common.people')}`}>{t('org.population')}</List.Item>
              <List.Item extra={`${team.data.grid.households ?? '—'} ${t('common.households')}`}>{t('org.households')}</List.Item>
              {team.data.grid.childCount ? <List.Item extra={t('org.microGrids', { count: team.data.grid.childCount })}>{t('levels.microGrid')}</List.Item> : null}
            </List>
            <List header={t('org.team')}>
              {members.map((m) => (
                <List.Item key={m.id} description={t(`teamRoles.${m.teamRole}`)}
                  extra={m.phone ? <a href={`tel:${m.phone}`}>{m.phone}</a> : null}>
                  {m.name}
                </List.Item>
              ))}
            </List>
          </>
        ) : null}
        {/* the desktop has the grid's map and every case of it (我的网格), not just "more" */}
        {me.kind === 'staff' ? <div style={{ textAlign: 'center', color: '#8a94a3', fontSize: 12, padding: 8 }} data-testid="desktop-hint">{t('cviews.mobileMap.desktop')}</div> : null}
      </div>
    </div>
  );
}
