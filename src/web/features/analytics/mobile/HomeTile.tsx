// The community staff's and leaders' entry on the phone home (/m): the 15-minute circle's projects.
import { CompassOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth.tsx';
import { holdsAnyRole } from '../../../../shared/roles.ts';
import { PROJECT_EDITORS } from '../../../../shared/analytics.ts';
import '../locales.ts';

export function ProjectsHomeTile() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  if (me.kind !== 'staff' || !holdsAnyRole(me.roles, PROJECT_EDITORS)) return null;
  return (
    <div className="mc-tiles">
      <button type="button" className="mc-tile mc-tile-wide" onClick={() => navigate('/m/projects')} data-testid="home-projects">
        <span className="mc-tile-icon" style={{ background: '#237804' }}><CompassOutlined /></span>
        <span style={{ display: 'grid', gap: 4 }}>
          <strong>{t('analytics.mobile.tile')}</strong>
          <small>{t('analytics.mobile.tileSub')}</small>
        </span>
      </button>
    </div>
  );
}
