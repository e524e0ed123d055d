// /m/volunteers, 志愿服务: the resident's hours this year and teams, then the activities and 微讲堂 of their community
// (upcoming first) with 我要报名, the five-colour teams with 加入, and their own sign-ups with check-ins and hours.
import { useState } from 'react';
import { Button, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import type { TeamColour } from '../../../../shared/volunteers.ts';
import { dayTime, Empty, Failed, Loading, ResidentPage } from '../../participation/public.ts';
import { fetchMine, joinTeam, listActivities, listTeams, signUp, type Activity, type Team } from './api.ts';
import './locales.ts';
import './volunteers-mobile.css';

type Tab = 'activity' | 'lecture' | 'teams' | 'mine';
export const TEAM_COLOUR: Record<TeamColour, string> = { red: '#c0392b', gold: '#a66f00', orange: '#c25400', green: '#1d7f3c', blue: '#1f5fa8' };

export function VolunteersPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('activity');
  const mine = useApi((signal) => fetchMine(signal), []);
  return (
    <ResidentPage title={t('vm.title')} testId="m-volunteers">
      <p className="pm-intro">{t('vm.intro')}</p>
      {mine.loading && !mine.data ? <Loading /> : mine.error ? <Failed error={mine.error} retry={mine.reload} /> : mine.data ? (
        <section className="pm-card" aria-labelledby="vm-hours" data-testid="m-volunteer-hours">
          <h2 id="vm-hours" style={{ fontSize: 15, color: '#4a5563' }}>{t('vm.hours')}</h2>
          <div className="pm-big-number">{t('vm.hoursValue', { count: mine.data.hoursThisYear })}</div>
          <span className="pm-meta"><span>{t('vm.activitiesCount', { count: mine.data.activitiesThisYear })}</span>
            <span>{mine.data.teams.length ? t('vm.myTeams', { names: mine.data.teams.map((x) => x.name).join('、') }) : t('vm.noTeams')}</span></span>
          {!mine.data.inRegistry ? <div className="pm-note">{t('vm.notInRegistry')}</div> : null}
        </section>
      ) : null}
      <div className="pm-tabs" role="tablist" aria-label={t('vm.title')}>
        {(['activity', 'lecture', 'teams', 'mine'] as const).map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} onClick={() => setTab(k)} data-testid={`m-volunteers-tab-${k}`}>{t(`vm.tabs.${k}`)}</button>
        ))}
      </div>
      {tab === 'teams' ? <Teams onChange={mine.reload} />
        : tab === 'mine' ? (mine.data?.signups.length ? mine.data.signups.map((a) => <ActivityCard key={a.id} a={a} onChange={mine.reload} />) : <Empty text={t('vm.emptyMine')} />)
        : <Activities key={tab} kind={tab} onChange={mine.reload} />}
    </ResidentPage>
  );
}

function Activities({ kind, onChange }: { kind: 'activity' | 'lecture'; onChange: () => void }) {
  const { t } = useTranslation();
  const list = useApi((signal) => listActivities(kind, signal), [kind]);
  if (list.loading && !list.data) return <Loading />;
  if (list.error) return <Failed error={list.error} retry={list.reload} />;
  const order = { open: 0, done: 1, cancelled: 2 } as const;
  const items = [...(list.data?.items ?? [])].sort((a, b) => order[a.status] - order[b.status] || (a.status === 'open' ? a.startsAt.localeCompare(b.startsAt) : b.startsAt.localeCompare(a.startsAt)));
  if (!items.length) return <Empty text={t('vm.empty')} />;
  return <>{items.map((a) => <ActivityCard key={a.id} a={a} onChange={() => { list.reload(); onChange(); }} />)}</>;
}

function ActivityCard({ a, onChange }: { a: Activity; onChange: () => void }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const full = a.capacity !== null && a.signups >= a.capacity;
  const go = async () => {
    setBusy(true);
    try { await signUp(a.id); Toast.show({ icon: 'success', content: t('vm.signedUpOk') }); onChange(); } catch (e) {
      Toast.show({ icon: 'fail', content: e instanceof ApiError && e.code === 'PERSON_NOT_IN_REGISTRY' ? t('vm.notInRegistry') : errorText(e, i18n.language) });
    } finally { setBusy(false); }
  };
  return (
    <article className="pm-card" data-testid="m-activity" data-id={a.id} data-kind={a.kind}>
      <span className="pm-meta">
        <Tag color={a.status === 'open' ? '#1d7f3c' : '#5c6776'} fill="outline">{t(`vm.status.${a.status}`)}</Tag>
        {a.teamName && a.teamColour ? <Tag color={TEAM_COLOUR[a.teamColour]} fill="solid">{a.teamName}</Tag> : null}
      </span>
      <h2>{a.title}</h2>
      {a.speaker ? <span className="pm-meta">{t('vm.speaker', { name: a.speaker })}</span> : null}
      <dl className="pm-dl">
        <dt>{t('vm.when')}</dt><dd>{dayTime(a.startsAt, i18n.language)} – {dayTime(a.endsAt, i18n.language)}</dd>
        <dt>{t('vm.place')}</dt><dd>{a.place}</dd>
      </dl>
      {a.body ? <p>{a.body}</p> : null}
      <div className="pm-actions">
        <span className="pm-meta">{t('vm.signups', { count: a.signups })}{a.capacity ? ` · ${t('vm.capacity', { count: a.capacity })}` : ''}</span>
        {a.mySignup ? (
          <Tag color="success" fill="outline" data-testid="m-signed-up">
            ✓ {a.mySignup.hours ? t('vm.served', { hours: a.mySignup.hours }) : a.mySignup.checkedInAt ? t('vm.checkedIn') : t('vm.signedUp')}
          </Tag>
        ) : a.policies.includes('signUp') ? (
          <Button color="primary" size="small" loading={busy} disabled={full} onClick={() => void go()} data-testid="m-sign-up">{full ? t('vm.full') : t('vm.signUp')}</Button>
        ) : null}
      </div>
    </article>
  );
}

function Teams({ onChange }: { onChange: () => void }) {
  const { t, i18n } = useTranslation();
  const list = useApi((signal) => listTeams(signal), []);
  const join = async (team: Team) => {
    try { await joinTeam(team.id); Toast.show({ icon: 'success', content: t('vm.joinOk', { name: team.name }) }); list.reload(); onChange(); } catch (e) {
      Toast.show({ icon: 'fail', content: e instanceof ApiError && e.code === 'PERSON_NOT_IN_REGISTRY' ? t('vm.notInRegistry') : errorText(e, i18n.language) });
    }
  };
  if (list.loading && !list.data) return <Loading />;
  if (list.error) return <Failed error={list.error} retry={list.reload} />;
  if (!list.data?.items.length) return <Empty text={t('vm.emptyTeams')} />;
  return (
    <>
      {list.data.items.map((team) => (
        <article className="pm-card vm-team" key={team.id} data-testid="m-team" style={{ borderLeft: `6px solid ${TEAM_COLOUR[team.colour]}` }}>
          <h2>{team.name}</h2>
          <p style={{ fontSize: 14 }}>{team.focus}</p>
          <span className="pm-meta"><span>{t('vm.members', { count: team.members })}</span>{team.leaderName ? <span>{t('vm.leader', { name: team.leaderName })}</span> : null}<span>{team.orgUnitName}</span></span>
          <div className="pm-actions">
            {team.mine ? <Tag color="success" fill="outline">✓ {t('vm.joined')}</Tag>
              : team.policies.includes('join') ? <Button size="small" color="primary" fill="outline" onClick={() => void join(team)}>{t('vm.join')}</Button> : null}
          </div>
        </article>
      ))}
    </>
  );
}
