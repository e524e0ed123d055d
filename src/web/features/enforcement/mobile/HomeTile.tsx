// The officer's entry on the phone home (/m): 执法办案, for those who open enforcement cases.
import { SafetyOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth.tsx';
import { holdsAnyRole } from '../../../../shared/roles.ts';
import { ENFORCEMENT_OFFICERS } from '../../../../shared/enforcement.ts';
import '../locales.ts';

export function EnforcementHomeTile() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  if (me.kind !== 'staff' || !holdsAnyRole(me.roles, ENFORCEMENT_OFFICERS)) return null;
  return (
    <div className="mc-tiles">
      <button type="button" className="mc-tile mc-tile-wide" onClick={() => navigate('/m/enforcement')} data-testid="home-enforcement">
        <span className="mc-tile-icon" style={{ background: '#c0392b' }}><SafetyOutlined /></span>
        <span style={{ display: 'grid', gap: 4 }}>
          <strong>{t('enf.m.tile')}</strong>
          <small>{t('enf.m.tileSub')}</small>
        </span>
      </button>
    </div>
  );
}
