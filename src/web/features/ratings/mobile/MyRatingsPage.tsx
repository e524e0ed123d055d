// /m/ratings, 我的星级: the grid worker's grid's published ratings of the last months — the latest with its breakdown
// (each indicator's value, weight and points), the vetoes hit and the appeal with its answer, then the months before.
import { useNavigate } from 'react-router';
import { Card, DotLoading, ErrorBlock, List, NavBar, Rate, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { fetchRatings, type Rating } from '../api.ts';
import { monthOf, periodLabel, previousMonth, valueText } from '../parts.tsx';
import { useMyGrid } from './RatingsHomeTile.tsx';
import '../locales.ts';

const lastMonths = (n: number): string[] => {
  const out: string[] = [];
  let k = previousMonth(monthOf(new Date()));
  for (let i = 0; i < n; i++) { out.push(k); k = previousMonth(k); }
  return out;
};

export function MyRatingsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const grid = useMyGrid();
  const months = lastMonths(6);
  const ratings = useApi(grid ? async (signal) => {
    const lists = await Promise.all(months.map((period) => fetchRatings({ level: 'grid', period }, signal)));
    return lists.map((l) => l.items.find((r) => r.orgUnitId === grid) ?? null).filter((r): r is Rating => r !== null && r.status === 'published');
  } : null, [grid]);
  const zh = i18n.language.startsWith('zh');
  const latest = ratings.data?.[0] ?? null;
  return (
    <div style={{ minHeight: '100vh', background: '#f3f5f8', maxWidth: 640, margin: '0 auto' }} data-testid="m-ratings">
      <NavBar onBack={() => navigate('/m')} backIcon style={{ background: '#c0392b', color: '#fff' }}>{t('ratings.mobile.title')}</NavBar>
      <div className="zz-elder-scale" style={{ padding: 12, display: 'grid', gap: 12 }}>
        {ratings.loading ? <div style={{ textAlign: 'center', padding: 24 }}><DotLoading /></div>
          : ratings.error ? <ErrorBlock status="default" title={errorText(ratings.error, i18n.language)} description="" />
          : !latest ? <ErrorBlock status="empty" title={t('ratings.mobile.noRating')} description="" />
          : <>
            <Card title={`${latest.orgUnitName} · ${t('ratings.mobile.latest', { period: periodLabel(latest.period, i18n.language) })}`} data-testid="m-rating-latest">
              <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
                <span style={{ fontSize: 32, fontWeight: 600 }}>{latest.score}</span>
                <Rate readOnly value={latest.stars} style={{ '--star-size': '22px', '--active-color': '#d4a017' }} />
                {latest.adjusted ? <Tag color="primary">{t('ratings.adjusted')}</Tag> : null}
              </div>
            </Card>
            <List header={t('ratings.detail')} data-testid="m-rating-breakdown">
              {latest.breakdown.map((b) => (
                <List.Item key={b.indicatorCode} description={`${t('ratings.breakdown.value')} ${valueText(b.value, b.unit, i18n.language)} · ${t('ratings.breakdown.target')} ${valueText(b.target, b.unit, i18n.language)}`}
                  extra={<span><strong>{b.points}</strong> / {b.weight}</span>}>
                  {zh ? b.nameZh : b.nameEn}
                </List.Item>
              ))}
            </List>
            <List header={t('ratings.vetoes')}>
              {latest.vetoesHit.length === 0 ? <List.Item>{t('ratings.noVeto')}</List.Item>
                : latest.vetoesHit.map((v) => <List.Item key={v.code} description={t('ratings.vetoCount', { count: v.count })}>{zh ? v.reasonZh : v.reasonEn}</List.Item>)}
            </List>
            {latest.appeal ? (
              <List header={t('ratings.appeal')}>
                <List.Item description={latest.appeal.reason} extra={<Tag>{t(`ratings.appealStatus.${latest.appeal.status}`)}</Tag>}>{latest.appeal.byName}</List.Item>
                {latest.appeal.answer ? <List.Item description={latest.appeal.answer}>{t('ratings.answerText')} · {latest.appeal.answeredByName}</List.Item> : null}
              </List>
            ) : null}
            <List header={t('ratings.mobile.history')}>
              {ratings.data!.map((r) => (
                <List.Item key={r.id} extra={<Rate readOnly value={r.stars} style={{ '--star-size': '14px', '--active-color': '#d4a017' }} />}>
                  {periodLabel(r.period, i18n.language)} · {t('ratings.score', { score: r.score })}
                </List.Item>
              ))}
            </List>
          </>}
      </div>
    </div>
  );
}
