// When reports come in over the history: days (Asia/Shanghai) with a weekly rhythm, a summer peak and growth over the
// two years, hours of the day as people report, and which cases are still open at the end (mostly recent ones).

const DAY = 86_400_000;
const HOUR = 3_600_000;
const SHANGHAI = 8 * HOUR;

export const shanghaiMidnight = (t: number) => Math.floor((t + SHANGHAI) / DAY) * DAY - SHANGHAI;

/** reports by hour of the day (the hotline never closes; people report on their way to and from work) */
export const HOUR_WEIGHTS = [0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 0.8, 2, 5, 7, 7, 6, 3, 3, 6, 7, 6, 5, 3, 2.5, 2, 1.5, 1, 0.5];
/** grid workers and community staff report while they walk their patch, by day */
export const WORK_HOUR_WEIGHTS = HOUR_WEIGHTS.map((w, h) => (h >= 8 && h < 18 ? w : 0));

export interface Day {
  /** 00:00 Shanghai */
  start: number;
  /** the end of the day, or `now` for the last one */
  end: number;
  cases: number;
}

/**
 * The days of the history and how many cases each gets, `total` in all: weekends about 60 % of a weekday, a summer
 * peak (+15 % in July), growth from 80 % to 120 % over the span, and some day-to-day noise.
 */
export function planDays(now: number, days: number, total: number, random: () => number): Day[] {
  const first = shanghaiMidnight(now) - (days - 1) * DAY;
  const list: { start: number; end: number; w: number }[] = [];
  for (let i = 0; i < days; i++) {
    const start = first + i * DAY;
    const end = Math.min(start + DAY, now);
    if (end <= start) continue;
    const local = new Date(start + SHANGHAI);
    const weekday = local.getUTCDay();
    const month = local.getUTCMonth();
    const weekly = weekday === 0 || weekday === 6 ? 0.6 : 1;
    const season = 1 + 0.15 * Math.cos(((month - 6) / 12) * 2 * Math.PI);
    const growth = 0.8 + 0.4 * (i / Math.max(1, days - 1));
    const noise = 0.9 + 0.2 * random();
    // the last day only up to now, by the share of the day's reports that came before
    const share = end - start === DAY ? 1 : hourShare((end - start) / HOUR);
    list.push({ start, end, w: weekly * season * growth * noise * share });
  }
  const sum = list.reduce((s, d) => s + d.w, 0);
  const exact = list.map((d) => (d.w / sum) * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((s, n) => s + n, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) counts[order[k]![1]]! += 1;
  return list.map((d, i) => ({ start: d.start, end: d.end, cases: counts[i]! }));
}

function hourShare(hours: number): number {
  const all = HOUR_WEIGHTS.reduce((s, w) => s + w, 0);
  let part = 0;
  for (let h = 0; h < 24 && h < hours; h++) part += HOUR_WEIGHTS[h]! * Math.min(1, hours - h);
  return part / all;
}

/** An instant of the day by the hour weights, before `end`. */
export function instantIn(day: Day, weights: readonly number[], random: () => number): number {
  for (let tries = 0; tries < 20; tries++) {
    let x = random() * weights.reduce((s, w) => s + w, 0);
    let h = 0;
    for (; h < 23; h++) {
      x -= weights[h]!;
      if (x < 0) break;
    }
    const at = day.start + h * HOUR + Math.floor(random() * HOUR);
    if (at < day.end - 60_000) return at;
  }
  return day.start + Math.floor(random() * Math.max(1, day.end - 60_000 - day.start));
}

const TAU_DAYS = 90;

/**
 * How likely a case of age `ageDays` is still open at the end: `min(0.97, a · e^(−age/τ))`, with `a` chosen so the
 * expected number open is `open` (τ grows when even a = 1 would leave too few open).
 */
export function openShare(days: readonly Day[], now: number, open: number): (ageMs: number) => number {
  const expected = (a: number, tau: number) => days.reduce((s, d) => s + d.cases * Math.min(0.97, a * Math.exp(-((now - (d.start + d.end) / 2) / DAY) / tau)), 0);
  let tau = TAU_DAYS;
  while (expected(1.03, tau) < open && tau < 100_000) tau *= 2;
  let lo = 0;
  let hi = 1.03;
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (expected(mid, tau) < open) lo = mid;
    else hi = mid;
  }
  const a = (lo + hi) / 2;
  return (ageMs) => Math.min(0.97, a * Math.exp(-(ageMs / DAY) / tau));
}
