// Small parts of the indicators pages: a value in its unit, the light dot, periods.
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import './locales.ts';

const LIGHT_COLORS: Record<string, string> = { green: '#389e0d', yellow: '#d4a106', red: '#cf1322', none: '#bfbfbf' };

/** A value in its unit: 96.2%, 35, 4.6分, 12.5/万人, 18分钟, 4星. */
export function formatValue(value: number | null | undefined, unit: string, lang = 'zh'): string {
  if (value === null || value === undefined) return '—';
  const zh = lang.startsWith('zh');
  const n = unit === 'count' ? String(Math.round(value)) : String(Math.round(value * 10) / 10);
  switch (unit) {
    case 'percent': return `${n}%`;
    case 'score': return zh ? `${n}分` : `${n} pts`;
    case 'perTenThousand': return zh ? `${n}/万人` : `${n} per 10k`;
    case 'minutes': return zh ? `${n}分钟` : `${n} min`;
    case 'stars': return zh ? `${n}分` : `${n} pts`;
    default: return n;
  }
}

/** The light as a coloured dot with its name for screen readers. */
export function LightDot({ light }: { light: string }) {
  const { t } = useTranslation();
  return (
    <span className="zz-light" data-light={light} role="img" aria-label={t(`ind.lights.${light}`)} title={t(`ind.lights.${light}`)}
      style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: LIGHT_COLORS[light] ?? LIGHT_COLORS.none, marginRight: 6, verticalAlign: 'middle' }} />
  );
}

/** 'YYYY-MM' of a dayjs month. */
export const monthOf = (d: dayjs.Dayjs) => d.format('YYYY-MM');
/** The `n` months up to `period` ('YYYY-MM'), oldest first. */
export const lastMonths = (period: string, n: number) => Array.from({ length: n }, (_, i) => dayjs(`${period}-01`).subtract(n - 1 - i, 'month').format('YYYY-MM'));
