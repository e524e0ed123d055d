// The last day of a device's readings drawn in SVG (no chart library): a line per numeric key (heart rate, gas), a lane
// of ticks per event key (door, smoke, sos), a grey lane for keep-alives and status pings, and the hours along the
// bottom; and the readings per day of the last 30 days as bars.
import { useTranslation } from 'react-i18next';
import type { Reading } from './api.ts';
import { keyText } from './parts.tsx';

const W = 860;
const LEFT = 90;
const RIGHT = 12;
const LINE_H = 110;
const LANE_H = 26;
const AXIS_H = 20;

interface Series { key: string; numeric: boolean; points: { at: number; value: number | null; text: string | null }[] }

function seriesOf(readings: Reading[]): { series: Series[]; pings: number[] } {
  const byKey = new Map<string, Series>();
  const pings: number[] = [];
  for (const r of readings) {
    const at = Date.parse(r.at);
    if (r.kind !== 'event' || !r.key) { pings.push(at); continue; }
    let s = byKey.get(r.key);
    if (!s) { s = { key: r.key, numeric: true, points: [] }; byKey.set(r.key, s); }
    s.points.push({ at, value: r.value, text: r.textValue });
  }
  for (const s of byKey.values()) {
    s.points.sort((a, b) => a.at - b.at);
    // a key is drawn as a line when its values vary as numbers (not a 0/1 flag or a text like "open")
    const values = new Set(s.points.map((p) => p.value));
    s.numeric = s.points.every((p) => p.value !== null && p.text === null) && [...values].some((v) => v !== 0 && v !== 1);
  }
  return { series: [...byKey.values()].sort((a, b) => Number(b.numeric) - Number(a.numeric) || a.key.localeCompare(b.key)), pings };
}

export function ReadingsChart({ readings, from, to }: { readings: Reading[]; from: Date; to: Date }) {
  const { t } = useTranslation();
  const { series, pings } = seriesOf(readings);
  const t0 = from.getTime();
  const span = Math.max(1, to.getTime() - t0);
  const x = (at: number) => LEFT + ((at - t0) / span) * (W - LEFT - RIGHT);
  const lines = series.filter((s) => s.numeric);
  const lanes = series.filter((s) => !s.numeric);
  const height = lines.length * LINE_H + (lanes.length + 1) * LANE_H + AXIS_H + 8;
  const hours: number[] = [];
  const firstHour = Math.ceil(t0 / 3_600_000) * 3_600_000;
  for (let h = firstHour; h <= to.getTime(); h += 3 * 3_600_000) hours.push(h);
  let y = 4;
  const parts: React.ReactNode[] = [];

  for (const s of lines) {
    const vals = s.points.map((p) => p.value!);
    const lo = Math.min(...vals);
    const hi = Math.max(...vals);
    const pad = hi === lo ? 1 : (hi - lo) * 0.1;
    const top = y + 8;
    const bottom = y + LINE_H - 12;
    const yv = (v: number) => bottom - ((v - (lo - pad)) / (hi - lo + 2 * pad)) * (bottom - top);
    const d = s.points.map((p, i) => `${i ? 'L' : 'M'}${x(p.at).toFixed(1)},${yv(p.value!).toFixed(1)}`).join(' ');
    parts.push(
      <g key={`line-${s.key}`} data-testid="readings-line" data-key={s.key}>
        <text x={4} y={top + 10} style={{ fontSize: 12, fill: 'rgba(0,0,0,0.75)' }}>{keyText(t, s.key)}</text>
        <text x={LEFT - 6} y={top + 4} textAnchor="end">{hi}</text>
        <text x={LEFT - 6} y={bottom} textAnchor="end">{lo}</text>
        <line x1={LEFT} x2={W - RIGHT} y1={bottom} y2={bottom} stroke="#f0f0f0" />
        <path d={d} fill="none" stroke="#1f5fa8" strokeWidth={1.5} />
        {s.points.length <= 300 ? s.points.map((p, i) => <circle key={i} cx={x(p.at)} cy={yv(p.value!)} r={2} fill="#1f5fa8"><title>{`${new Date(p.at).toLocaleTimeString()} ${p.value}`}</title></circle>) : null}
      </g>,
    );
    y += LINE_H;
  }
  const lane = (key: string, label: string, ats: { at: number; title: string }[], color: string, testId: string) => {
    const mid = y + LANE_H / 2;
    const g = (
      <g key={key} data-testid={testId} data-key={key}>
        <text x={4} y={mid + 4} style={{ fontSize: 12, fill: 'rgba(0,0,0,0.75)' }}>{label}</text>
        <line x1={LEFT} x2={W - RIGHT} y1={mid} y2={mid} stroke="#f0f0f0" />
        {ats.map((p, i) => <rect key={i} x={x(p.at) - 1} y={mid - 8} width={2} height={16} fill={color}><title>{p.title}</title></rect>)}
      </g>
    );
    y += LANE_H;
    return g;
  };
  for (const s of lanes) {
    parts.push(lane(`lane-${s.key}`, keyText(t, s.key), s.points.map((p) => ({ at: p.at, title: `${new Date(p.at).toLocaleTimeString()} ${p.text ?? p.value ?? ''}` })), '#d4380d', 'readings-lane'));
  }
  parts.push(lane('pings', t('devices.detail.other'), pings.map((at) => ({ at, title: new Date(at).toLocaleTimeString() })), '#bfbfbf', 'readings-pings'));

  return (
    <svg className="zz-readings-svg" viewBox={`0 0 ${W} ${height}`} role="img" data-testid="readings-chart">
      {parts}
      <line x1={LEFT} x2={W - RIGHT} y1={y + 2} y2={y + 2} stroke="#d9d9d9" />
      {hours.map((h) => (
        <g key={h}>
          <line x1={x(h)} x2={x(h)} y1={4} y2={y + 2} stroke="#fafafa" />
          <text x={x(h)} y={y + 16} textAnchor="middle">{new Date(h).getHours().toString().padStart(2, '0')}:00</text>
        </g>
      ))}
    </svg>
  );
}

/** Readings per day, oldest first: one bar a day, the count on hover. */
export function PerDayBars({ days }: { days: { day: string; count: number }[] }) {
  const w = 860;
  const h = 70;
  const max = Math.max(1, ...days.map((d) => d.count));
  const bw = w / Math.max(1, days.length);
  return (
    <svg className="zz-readings-svg" viewBox={`0 0 ${w} ${h + 16}`} role="img" data-testid="readings-per-day">
      {days.map((d, i) => {
        const bh = (d.count / max) * h;
        return (
          <g key={d.day}>
            <rect x={i * bw + 2} y={h - bh} width={bw - 4} height={Math.max(bh, d.count ? 1 : 0)} fill="#69b1ff"><title>{`${d.day}：${d.count}`}</title></rect>
            {i % 5 === 0 || i === days.length - 1 ? <text x={i * bw + bw / 2} y={h + 12} textAnchor="middle">{d.day.slice(5)}</text> : null}
          </g>
        );
      })}
    </svg>
  );
}
