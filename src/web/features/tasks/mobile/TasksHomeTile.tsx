// 今日任务 on the phone home (/m) of those who do tasks (grid workers, community staff): the open count, and what waits
// on the phone to be sent (for everyone: a resident's report made offline). Showing it starts the outbox, so writes
// made offline go out when the app is opened again.
import { CarryOutOutlined } from '@ant-design/icons';
import { Badge } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { holdsAnyRole } from '../../../../shared/roles.ts';
import { TASK_DOERS } from '../../../../shared/tasks.ts';
import { lastPosition } from '../../cases/public.ts';
import { fetchMyTasks } from '../api.ts';
import { useOutbox } from '../offline/outbox.ts';
import { PendingBanner } from './PendingBanner.tsx';
import './locales.ts';

export function TasksHomeTile() {
  const me = useMe();
  // others (a resident) see only what waits on the phone: a report made without a network
  if (me.kind !== 'staff' || !holdsAnyRole(me.roles, TASK_DOERS)) return <PendingBanner />;
  return <Tile />;
}

function Tile() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const box = useOutbox();
  const list = useApi((signal) => fetchMyTasks(lastPosition(), signal), [box.sentGeneration]);
  const open = list.data?.counts.open;
  return (
    <div style={{ display: 'grid', gap: 8 }}>
      <div className="mc-tiles">
        <button type="button" className="mc-tile mc-tile-wide" onClick={() => navigate('/m/tasks')} data-testid="home-tasks">
          <span className="mc-tile-icon" style={{ background: '#1565c0' }}><CarryOutOutlined /></span>
          <span style={{ display: 'grid', gap: 4 }}>
            <strong>{t('mtask.home.tile')}</strong>
            <small>{open !== undefined ? `${t('mtask.home.open', { count: open })} · ` : ''}{t('mtask.home.tileSub')}</small>
          </span>
          {box.waiting > 0 ? <Badge content={box.waiting} /> : null}
        </button>
      </div>
      <PendingBanner />
    </div>
  );
}
