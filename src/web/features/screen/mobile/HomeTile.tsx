// The leaders' entry on the phone home (/m): 指挥一览, for those who open the command screen.
import { DashboardOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth.tsx';
import { holdsAnyRole } from '../../../../shared/roles.ts';
import { SCREEN_VIEWERS } from '../../../../shared/screen.ts';
import './locales.ts';

export function ScreenHomeTile() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  if (me.kind !== 'staff' || !holdsAnyRole(me.roles, SCREEN_VIEWERS)) return null;
  return (
    <div className="mc-tiles">
      <button type="button" className="mc-tile mc-tile-wide" onClick={() => navigate('/m/screen')} data-testid="home-screen">
        <span className="mc-tile-icon" style={{ background: '#1f3a5f' }}><DashboardOutlined /></span>
        <span style={{ display: 'grid', gap: 4 }}>
          <strong>{t('mscreen.tile')}</strong>
          <small>{t('mscreen.tileSub')}</small>
        </span>
      </button>
    </div>
  );
}
