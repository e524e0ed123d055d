// /m/meetings, 议事活动: the meetings of the resident's councils, those under way first — 坝坝议事 on site and 云坝会 on
// the phone — with their time, place, agenda size and votes still open.
import { Tag } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../lib/useApi.ts';
import type { MeetingStatus } from '../../../../shared/participation.ts';
import { listMeetings, type MeetingSummary } from './api.ts';
import { dayTime, Empty, Failed, Loading, ResidentPage } from './parts.tsx';

const ORDER: Record<MeetingStatus, number> = { open: 0, scheduled: 1, closed: 2, cancelled: 3 };
export const MEETING_COLOUR: Record<MeetingStatus, string> = { open: '#1d7f3c', scheduled: '#1f6fd1', closed: '#5c6776', cancelled: '#5c6776' };

export function MeetingsPage() {
  const { t } = useTranslation();
  const list = useApi((signal) => listMeetings(signal), []);
  const items = [...(list.data?.items ?? [])].sort((a, b) => ORDER[a.status] - ORDER[b.status]
    || (a.status === 'scheduled' ? a.startsAt.localeCompare(b.startsAt) : b.startsAt.localeCompare(a.startsAt)));
  return (
    <ResidentPage title={t('pm.meetings.title')} testId="m-meetings">
      <p className="pm-intro">{t('pm.meetings.intro')}</p>
      {list.loading && !list.data ? <Loading /> : list.error ? <Failed error={list.error} retry={list.reload} />
        : items.length === 0 ? <Empty text={t('pm.meetings.empty')} /> : items.map((m) => <MeetingCard key={m.id} m={m} />)}
    </ResidentPage>
  );
}

function MeetingCard({ m }: { m: MeetingSummary }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  return (
    <article className="pm-card" data-testid="m-meeting-row" data-id={m.id} data-kind={m.kind} data-status={m.status}>
      <button type="button" className="pm-row-link" onClick={() => navigate(`/m/meetings/${m.id}`)}>
        <span className="pm-meta">
          <Tag color={m.kind === 'online' ? '#7a4fc4' : '#b35c00'} fill="solid">{t(`pm.meetings.kinds.${m.kind}`)}</Tag>
          <Tag color={MEETING_COLOUR[m.status]} fill="outline">{t(`pm.meetings.status.${m.status}`)}</Tag>
          {m.openMotions > 0 ? <Tag color="#b8281c" fill="outline">{t('pm.meetings.openVotes', { count: m.openMotions })}</Tag> : null}
        </span>
        <h2>{m.title}</h2>
        <span className="pm-meta">
          <span>{dayTime(m.startsAt, i18n.language)}</span>
          <span>{m.councilName}</span>
          {m.place ? <span>{m.place}</span> : null}
        </span>
      </button>
    </article>
  );
}
