// 赛马比拼 on the leaders' phones (/m/rankings): last month's board of the town's grids, communities or towns by stars or
// a key indicator, each row with its rank, value and movement since the month before.
import { useState } from 'react';
import { CapsuleTabs, DotLoading, ErrorBlock, List, Selector } from 'antd-mobile';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { RATING_LEVELS, type RatingLevel } from '../../../../shared/ratings.ts';
import { errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { MobilePage } from '../../cases/public.ts';
import { formatValue, LightDot } from '../../indicators/public.ts';
import { fetchBoard } from '../api.ts';
import { Movement, STAR_TEXT } from '../parts.tsx';
import '../locales.ts';

const KEY_INDICATORS = ['stars', 'closeRate', 'onTimeCloseRate', 'satisfiedRate', 'taskCompletionRate'] as const;

export function RankingsMobilePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [level, setLevel] = useState<RatingLevel>('grid');
  const [indicator, setIndicator] = useState<string>('closeRate');
  const period = dayjs().subtract(1, 'month').format('YYYY-MM');
  const board = useApi((signal) => fetchBoard({ level, indicator, period }, signal), [level, indicator, period]);
  const stars = indicator === 'stars';
  const name = (code: string) => t(`rank.mobile.indicators.${code}`);
  return (
    <MobilePage title={t('rank.mobile.title')} testId="m-rankings">
      <div style={{ padding: '8px 12px', background: '#fff' }}>
        <Selector columns={3} value={[level]} onChange={(v) => v[0] && setLevel(v[0])} showCheckMark={false}
          options={RATING_LEVELS.map((l) => ({ value: l, label: t(`rank.levels.${l}`) }))} />
      </div>
      <CapsuleTabs activeKey={indicator} onChange={setIndicator}>
        {KEY_INDICATORS.map((c) => <CapsuleTabs.Tab key={c} title={name(c)} />)}
      </CapsuleTabs>
      <div style={{ padding: '4px 16px', color: '#8c8c8c', fontSize: 13 }}>{board.data ? `${board.data.parent.name} · ${period}` : period}</div>
      {board.loading && !board.data ? <div style={{ textAlign: 'center', padding: 32 }}><DotLoading /></div>
        : board.error ? <ErrorBlock status="default" title={t('rank.mobile.failed')} description={errorText(board.error, lang)} />
        : !board.data?.rows.some((r) => r.rank !== null) ? <ErrorBlock status="empty" title={t('rank.empty')} description="" />
        : (
          <><List data-testid="m-ranking-list">
            {board.data.rows.filter((r) => r.rank !== null).map((r) => (
              <List.Item key={r.orgUnitId} data-testid="m-ranking-row"
                prefix={<span style={{ display: 'inline-block', width: 28, fontWeight: 600, color: r.rank !== null && r.rank <= 3 ? '#d4a106' : '#595959' }}>{r.rank ?? '—'}</span>}
                extra={<Movement movement={r.movement} />}
                description={stars ? <span style={{ color: '#d4a106' }}>{STAR_TEXT(r.stars)}</span> : undefined}>
                <span>{r.name}</span>
                <span style={{ float: 'right', marginRight: 8 }}>{stars ? null : <LightDot light={r.light} />}{formatValue(r.value, stars ? 'score' : board.data!.indicator.unit, lang)}</span>
              </List.Item>
            ))}
          </List>
          {board.data.rows.some((r) => r.rank === null)
            ? <div style={{ color: '#8c8c8c', fontSize: 13, padding: '8px 16px' }}>{t('rank.mobile.unranked', { count: board.data.rows.filter((r) => r.rank === null).length })}</div> : null}
          </>
        )}
    </MobilePage>
  );
}
