// The case entry of the mobile home: big buttons 随手拍 / 我的上报 / 待核查 and 网格地图 (grid workers) / 案卷查询, with counts.
// A section meant to sit inside the mobile home page (MyGridPage at /m), above the grid card.
import { Badge } from 'antd-mobile';
import { CameraOutlined, EnvironmentOutlined, FileSearchOutlined, SafetyCertificateOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { isOpenStatus, OPEN_STATUSES } from '../../../../shared/cases.ts';
import { listCases } from '../api.ts';
import { AlarmBanner } from '../../alarms/mobile/public.ts';
import './react19.ts';
import './locales.ts';
import '../locales.ts';
import './mobile.css';

const COUNT_LIMIT = 200;
const fmt = (n: number, more: boolean) => (more ? `${n}+` : String(n));

export function MobileCasesHome() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const canVerify = me.roles.includes('gridWorker');
  const mine = useApi((signal) => listCases({ mine: 'reported', limit: COUNT_LIMIT }, signal), []);
  const verify = useApi(canVerify ? (signal) => listCases({ mine: 'verify', limit: COUNT_LIMIT }, signal) : null, [canVerify]);
  // the open cases of the grid worker's own grid, for the map tile
  const gridId = canVerify ? (me.grids[0]?.gridId ?? null) : null;
  const grid = useApi(gridId ? (signal) => listCases({ status: [...OPEN_STATUSES], orgUnitId: gridId, limit: COUNT_LIMIT }, signal) : null, [gridId]);
  const openHere = grid.data ? grid.data.items.length : null;

  const open = mine.data ? mine.data.items.filter((c) => isOpenStatus(c.status)).length : null;
  const closed = mine.data ? mine.data.items.filter((c) => c.status === 'closed').length : null;
  const toVerify = verify.data ? verify.data.items.length : null;
  const more = !!mine.data?.nextCursor;

  return (
    <div data-testid="mobile-cases-home" style={{ display: 'grid', gap: 12 }}>
      <AlarmBanner />
      <div className="mc-tiles">
        <button type="button" className="mc-tile mc-tile-primary" onClick={() => navigate('/m/report')} data-testid="home-report">
          <span className="mc-tile-icon" style={{ background: 'linear-gradient(135deg, #e8604e, #b8281c)' }}><CameraOutlined /></span>
          <span style={{ display: 'grid', gap: 4 }}>
            <strong>{canVerify ? t('mcase.home.reportWorker') : t('mcase.home.report')}</strong>
            <small>{t('mcase.home.reportSub')}</small>
          </span>
        </button>
        <button type="button" className="mc-tile" onClick={() => navigate('/m/cases')} data-testid="home-mine">
          <span className="mc-tile-icon" style={{ background: '#2f7bd8' }}><UnorderedListOutlined /></span>
          <strong>{t('mcase.home.mine')}</strong>
          <small>{t('mcase.home.mineSub')}</small>
          {open ? <Badge content={fmt(open, more)} style={{ '--right': '0', '--top': '0' }} /> : null}
        </button>
        {canVerify ? (
          <button type="button" className="mc-tile" onClick={() => navigate('/m/cases?tab=verify')} data-testid="home-verify">
            <span className="mc-tile-icon" style={{ background: '#8e44ad' }}><SafetyCertificateOutlined /></span>
            <strong>{t('mcase.home.verify')}</strong>
            <small>{t('mcase.home.verifySub')}</small>
            {toVerify ? <Badge content={fmt(toVerify, !!verify.data?.nextCursor)} /> : null}
          </button>
        ) : null}
        {canVerify ? (
          <button type="button" className="mc-tile mc-tile-wide" onClick={() => navigate('/m/map')} data-testid="home-map">
            <span className="mc-tile-icon" style={{ background: '#16a085' }}><EnvironmentOutlined /></span>
            <span style={{ display: 'grid', gap: 4 }}>
              <strong>{t('cviews.mobileMap.tile')}</strong>
              <small>{t('cviews.mobileMap.tileSub')}</small>
            </span>
            {openHere ? <Badge content={fmt(openHere, !!grid.data?.nextCursor)} color="#16a085" /> : null}
          </button>
        ) : (
          <button type="button" className="mc-tile" onClick={() => navigate('/m/track')} data-testid="home-track">
            <span className="mc-tile-icon" style={{ background: '#16a085' }}><FileSearchOutlined /></span>
            <strong>{t('mcase.home.track')}</strong>
            <small>{t('mcase.home.trackSub')}</small>
          </button>
        )}
      </div>
      <div className="mc-card mc-stats" data-testid="home-counts">
        <div><b>{open ?? '–'}</b><span>{t('mcase.home.open')}</span></div>
        <div><b>{closed ?? '–'}</b><span>{t('mcase.home.closed')}</span></div>
        <div><b>{canVerify ? (toVerify ?? '–') : (mine.data ? fmt(mine.data.items.length, more) : '–')}</b>
          <span>{canVerify ? t('mcase.home.toVerify') : t('mcase.list.mine')}</span></div>
      </div>
    </div>
  );
}
