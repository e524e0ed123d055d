// The disputes' entry on the phone home (/m): 矛盾纠纷 for those who handle disputes (grid workers on foot), 我的纠纷 for a
// resident (the disputes they are a party of, read-only).
import { CommentOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth.tsx';
import { holdsAnyRole } from '../../../../shared/roles.ts';
import { DISPUTE_HANDLERS } from '../../../../shared/disputes.ts';
import '../locales.ts';

export function DisputesHomeTile() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const resident = me.kind === 'resident';
  if (!resident && !holdsAnyRole(me.roles, DISPUTE_HANDLERS)) return null;
  return (
    <div className="mc-tiles">
      <button type="button" className="mc-tile mc-tile-wide" onClick={() => navigate('/m/disputes')} data-testid="home-disputes">
        <span className="mc-tile-icon" style={{ background: '#1f5fa8' }}><CommentOutlined /></span>
        <span style={{ display: 'grid', gap: 4 }}>
          <strong>{resident ? t('disputes.mobile.mineTile') : t('disputes.mobile.tile')}</strong>
          <small>{resident ? t('disputes.mobile.mineTileSub') : t('disputes.mobile.tileSub')}</small>
        </span>
      </button>
    </div>
  );
}
