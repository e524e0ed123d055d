// Parts of the 赛马比拼 pages: the movement arrow.
import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import './locales.ts';

/** ↑3 in green, ↓2 in red, – when the same, nothing without a previous rank. */
export function Movement({ movement }: { movement: number | null }) {
  const { t } = useTranslation();
  if (movement === null) return <span style={{ color: '#8c8c8c' }} aria-label={t('rank.newcomer')}>—</span>;
  if (movement > 0) return <span style={{ color: '#389e0d' }} aria-label={t('rank.up', { n: movement })} data-movement="up"><ArrowUpOutlined /> {movement}</span>;
  if (movement < 0) return <span style={{ color: '#cf1322' }} aria-label={t('rank.down', { n: -movement })} data-movement="down"><ArrowDownOutlined /> {-movement}</span>;
  return <span style={{ color: '#8c8c8c' }} aria-label={t('rank.same')} data-movement="same"><MinusOutlined /></span>;
}

export const STAR_TEXT = (n: number | null | undefined) => (n === null || n === undefined ? '—' : '★'.repeat(n) + '☆'.repeat(5 - n));
