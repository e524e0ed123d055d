// Pieces the ratings pages share: the periods to pick, stars, a value with its unit, the breakdown table, the vetoes and
// the appeal with its answer.
import { Alert, Descriptions, Rate, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Appeal, Rating } from './api.ts';
import './locales.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** Asia/Shanghai month key of an instant */
export function monthOf(at: Date): string {
  const d = new Date(at.getTime() + 8 * 3600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

export function previousMonth(key: string): string {
  const [y, m] = key.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
}

/** the periods of a kind to choose from, newest first: 12 months, 6 quarters, 3 years, counted back from last month */
export function periodChoices(kind: 'month' | 'quarter' | 'year', now: Date): string[] {
  const last = previousMonth(monthOf(now));
  const [y, m] = last.split('-').map(Number) as [number, number];
  if (kind === 'month') {
    const out: string[] = [];
    let k = last;
    for (let i = 0; i < 12; i++) { out.push(k); k = previousMonth(k); }
    return out;
  }
  if (kind === 'quarter') {
    const out: string[] = [];
    let yy = y;
    let q = Math.floor((m - 1) / 3) + 1;
    for (let i = 0; i < 6; i++) { out.push(`${yy}Q${q}`); q -= 1; if (q === 0) { q = 4; yy -= 1; } }
    return out;
  }
  return [String(y), String(y - 1), String(y - 2)];
}

export function periodLabel(key: string, lang: string): string {
  const zh = lang.startsWith('zh');
  let m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) return zh ? `${m[1]}年${Number(m[2])}月` : key;
  m = /^(\d{4})Q([1-4])$/.exec(key);
  if (m) return zh ? `${m[1]}年第${m[2]}季度` : `${m[1]} Q${m[2]}`;
  return zh ? `${key}年` : key;
}

export function Stars({ stars, size = 14 }: { stars: number; size?: number }) {
  const { t } = useTranslation();
  return (
    <span data-testid="stars" aria-label={stars > 0 ? t('ratings.starsText', { count: stars }) : t('ratings.noStar')}>
      <Rate disabled value={stars} count={5} style={{ fontSize: size, color: '#d4a017' }} />
    </span>
  );
}

export function valueText(value: number | null, unit: string, lang: string): string {
  if (value === null) return '—';
  const names: Record<string, string> = lang.startsWith('zh')
    ? { percent: '%', count: '', score: '分', perTenThousand: '/万人', minutes: '分钟' }
    : { percent: '%', count: '', score: ' pts', perTenThousand: ' per 10k', minutes: ' min' };
  const v = Math.round(value * 100) / 100;
  return `${v}${names[unit] ?? ''}`;
}

const timeText = (iso: string, lang: string) => new Date(iso).toLocaleString(lang.startsWith('zh') ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });

export function BreakdownTable({ rating }: { rating: Rating }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  type B = Rating['breakdown'][number];
  const columns: TableColumnsType<B> = [
    { title: t('ratings.breakdown.indicator'), key: 'name', render: (_, b) => (zh ? b.nameZh : b.nameEn) },
    { title: t('ratings.breakdown.value'), key: 'value', align: 'right', render: (_, b) => valueText(b.value, b.unit, i18n.language) },
    { title: t('ratings.breakdown.target'), key: 'target', align: 'right', render: (_, b) => valueText(b.target, b.unit, i18n.language) },
    { title: t('ratings.breakdown.marks'), key: 'marks', align: 'right', render: (_, b) => (b.full === null ? '—' : `${valueText(b.full, b.unit, i18n.language)} / ${valueText(b.zero, b.unit, i18n.language)}`) },
    { title: t('ratings.breakdown.weight'), dataIndex: 'weight', align: 'right' },
    { title: t('ratings.breakdown.points'), key: 'points', align: 'right', render: (_, b) => <strong>{b.points}</strong> },
  ];
  return (
    <Table<B> size="small" rowKey="indicatorCode" pagination={false} columns={columns} dataSource={rating.breakdown} data-testid="rating-breakdown"
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={4}><strong>{t('ratings.col.score')}</strong></Table.Summary.Cell>
          <Table.Summary.Cell index={4} align="right">{rating.breakdown.reduce((s, b) => s + b.weight, 0)}</Table.Summary.Cell>
          <Table.Summary.Cell index={5} align="right"><strong>{rating.score}</strong></Table.Summary.Cell>
        </Table.Summary.Row>
      )} />
  );
}

export function VetoList({ rating }: { rating: Rating }) {
  const { t, i18n } = useTranslation();
  if (rating.vetoesHit.length === 0) return <Typography.Text type="secondary">{t('ratings.noVeto')}</Typography.Text>;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {rating.vetoesHit.map((v) => (
        <Alert key={v.code} type="error" showIcon message={i18n.language.startsWith('zh') ? v.reasonZh : v.reasonEn} description={t('ratings.vetoCount', { count: v.count })} />
      ))}
    </Space>
  );
}

export function AppealCard({ appeal }: { appeal: Appeal }) {
  const { t, i18n } = useTranslation();
  const color = appeal.status === 'open' ? 'gold' : appeal.status === 'upheld' ? 'green' : 'default';
  return (
    <Descriptions size="small" column={1} bordered data-testid="rating-appeal">
      <Descriptions.Item label={t('ratings.appeal')}>
        <Space direction="vertical" size={2}>
          <Tag color={color}>{t(`ratings.appealStatus.${appeal.status}`)}</Tag>
          <Typography.Text type="secondary">{t('ratings.appealBy', { name: appeal.byName, at: timeText(appeal.at, i18n.language) })}</Typography.Text>
          <span>{appeal.reason}</span>
        </Space>
      </Descriptions.Item>
      {appeal.answer ? (
        <Descriptions.Item label={t('ratings.answerText')}>
          <Space direction="vertical" size={2}>
            <Typography.Text type="secondary">{t('ratings.answerBy', { name: appeal.answeredByName ?? '—', at: timeText(appeal.answeredAt!, i18n.language) })}</Typography.Text>
            <span>{appeal.answer}</span>
            <Typography.Text type="secondary">{t('ratings.before', { score: appeal.scoreBefore, stars: appeal.starsBefore })}</Typography.Text>
            {appeal.scoreAfter !== null ? <Typography.Text>{t('ratings.after', { score: appeal.scoreAfter, stars: appeal.starsAfter })}</Typography.Text> : null}
          </Space>
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}
