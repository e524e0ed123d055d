// The 共建共治 section of the phone home (/m): a resident's tiles to every page of theirs (我有事说 first and large, then
// 议事厅, 议事活动 with the meetings under way, 金点子, 我的积分, 积分超市, 志愿服务, 邻里互助), and the large-type switch.
// Staff who work on foot (grid workers) get the tiles of what they follow with residents: proposals, meetings, ideas,
// 组互评 (the peer review of their grid's self-checks) and help.
import type { ReactNode } from 'react';
import { Badge } from 'antd-mobile';
import {
  AuditOutlined, BulbOutlined, CommentOutlined, GiftOutlined, HeartOutlined, MessageOutlined, SoundOutlined, TeamOutlined, WalletOutlined,
} from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { holdsAnyRole } from '../../../../shared/roles.ts';
import { PARTICIPATION_STAFF } from '../../../../shared/participation.ts';
import { POINTS_PEER_REVIEWERS } from '../../../../shared/points.ts';
import { LargeTypeSwitch } from '../../../ui/elder/index.ts';
import { listMeetings } from './api.ts';
import './locales.ts';
import './participation-mobile.css';

interface TileProps { to: string; icon: ReactNode; colour: string; title: string; sub: string; badge?: number; primary?: boolean; wide?: boolean; testId: string }

function Tile({ to, icon, colour, title, sub, badge, primary, wide, testId }: TileProps) {
  const navigate = useNavigate();
  return (
    <button type="button" className={`mc-tile pm-tile${primary ? ' mc-tile-primary' : ''}${wide ? ' pm-tile-wide' : ''}`} onClick={() => navigate(to)} data-testid={testId}>
      <span className="mc-tile-icon" style={{ background: colour }} aria-hidden>{icon}</span>
      <span style={{ display: 'grid', gap: 4 }}>
        <strong>{title}</strong>
        <small>{sub}</small>
      </span>
      {badge ? <Badge content={badge} aria-hidden /> : null}
    </button>
  );
}

export function ParticipationHomeTiles() {
  const { t } = useTranslation();
  const me = useMe();
  const resident = me.kind === 'resident';
  const staff = !resident && holdsAnyRole(me.roles, PARTICIPATION_STAFF);
  const meetings = useApi(resident || staff ? (signal) => listMeetings(signal) : null, [resident, staff]);
  if (!resident && !staff) return null;
  const open = meetings.data?.items.filter((m) => m.status === 'open').length ?? 0;
  const small: TileProps[] = [
    { to: '/m/proposals', icon: <CommentOutlined />, colour: '#1f6fd1', title: t('pm.home.proposals'), sub: t('pm.home.proposalsSub'), testId: 'home-proposals' },
    { to: '/m/meetings', icon: <MessageOutlined />, colour: '#7a4fc4', title: t('pm.home.meetings'), sub: open ? t('pm.home.meetingsOpen', { count: open }) : t('pm.home.meetingsSub'), badge: open, testId: 'home-meetings' },
    { to: '/m/ideas', icon: <BulbOutlined />, colour: '#c27c00', title: t('pm.home.ideas'), sub: t('pm.home.ideasSub'), testId: 'home-ideas' },
    ...(resident ? [
      { to: '/m/points', icon: <WalletOutlined />, colour: '#0f7b6c', title: t('pm.home.points'), sub: t('pm.home.pointsSub'), testId: 'home-points' },
      { to: '/m/points/shop', icon: <GiftOutlined />, colour: '#d4380d', title: t('pm.home.shop'), sub: t('pm.home.shopSub'), testId: 'home-shop' },
      { to: '/m/volunteers', icon: <TeamOutlined />, colour: '#1d7f3c', title: t('pm.home.volunteers'), sub: t('pm.home.volunteersSub'), testId: 'home-volunteers' },
    ] : []),
    ...(!resident && holdsAnyRole(me.roles, POINTS_PEER_REVIEWERS) ? [
      { to: '/m/points/peer-review', icon: <AuditOutlined />, colour: '#0f7b6c', title: t('pm.home.peerReview'), sub: t('pm.home.peerReviewSub'), testId: 'home-peer-review' },
    ] : []),
    { to: '/m/help', icon: <HeartOutlined />, colour: '#c41d7f', title: t('pm.home.help'), sub: t('pm.home.helpSub'), testId: 'home-help' },
  ];
  return (
    <section aria-labelledby="pm-home-title" style={{ display: 'grid', gap: 12 }} data-testid="home-participation">
      <div className="pm-tiles-head"><h2 id="pm-home-title">{t('pm.home.section')}</h2><span>{t('pm.home.sectionHint')}</span></div>
      <div className="mc-tiles">
        {resident ? <Tile primary to="/m/say" icon={<SoundOutlined />} colour="#b8281c" title={t('pm.home.say')} sub={t('pm.home.saySub')} testId="home-say" /> : null}
        {/* two to a row; an odd last one takes the whole row */}
        {small.map((x, i) => <Tile key={x.testId} {...x} wide={i === small.length - 1 && small.length % 2 === 1} />)}
      </div>
      {resident ? <div className="pm-card"><LargeTypeSwitch /></div> : null}
    </section>
  );
}
