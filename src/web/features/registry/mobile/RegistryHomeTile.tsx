// The registry's entry on the phone home (/m): 台账查询 for those who read the registry (grid workers and the staff
// who use the phone pages); residents never see it.
import { ContactsOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth.tsx';
import { holdsAnyRole } from '../../../../shared/roles.ts';
import { REGISTRY_READERS } from '../../../../shared/registry.ts';
import './locales.ts';

export function RegistryHomeTile() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  if (me.kind !== 'staff' || !holdsAnyRole(me.roles, REGISTRY_READERS)) return null;
  return (
    <div className="mc-tiles">
      <button type="button" className="mc-tile mc-tile-wide" onClick={() => navigate('/m/registry')} data-testid="home-registry">
        <span className="mc-tile-icon" style={{ background: '#e67e22' }}><ContactsOutlined /></span>
        <span style={{ display: 'grid', gap: 4 }}>
          <strong>{t('mreg.home.tile')}</strong>
          <small>{t('mreg.home.tileSub')}</small>
        </span>
      </button>
    </div>
  );
}
