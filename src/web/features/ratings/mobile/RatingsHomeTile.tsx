// The grid worker's 本月星级 card on the phone home (/m): the latest published rating of their grid — stars and score —
// opening /m/ratings with the breakdown.
import { StarOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { fetchRatings } from '../api.ts';
import { previousMonth, monthOf } from '../parts.tsx';
import '../locales.ts';

/** the grid worker's grid: their team's grid, else their scope when it is a grid */
export function useMyGrid(): string | null {
  const me = useMe();
  if (me.kind !== 'staff' || !me.roles.includes('gridWorker')) return null;
  return me.grids[0]?.gridId ?? (me.scopeOrgUnit?.level === 'grid' ? me.scopeOrgUnit.id : null);
}

export function RatingsHomeTile() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const grid = useMyGrid();
  const last = previousMonth(monthOf(new Date()));
  const list = useApi(grid ? (signal) => fetchRatings({ level: 'grid', period: last }, signal) : null, [grid, last]);
  if (!grid) return null;
  const mine = list.data?.items.find((r) => r.orgUnitId === grid && r.status === 'published') ?? null;
  return (
    <div className="mc-tiles">
      <button type="button" className="mc-tile mc-tile-wide" onClick={() => navigate('/m/ratings')} data-testid="home-ratings">
        <span className="mc-tile-icon" style={{ background: '#d4a017' }}><StarOutlined /></span>
        <span style={{ display: 'grid', gap: 4 }}>
          <strong>{t('ratings.mobile.tile')} {mine ? '★'.repeat(mine.stars) + '☆'.repeat(5 - mine.stars) : ''}</strong>
          <small>{mine ? t('ratings.mobile.tileSub', { stars: mine.stars, score: mine.score }) : t('ratings.mobile.tileNone')}</small>
        </span>
      </button>
    </div>
  );
}
