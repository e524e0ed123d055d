// SLA clocks on screen: which clock runs, its light at a given moment, the countdown text, and a ticking now.
import { useEffect, useState } from 'react';
import { CLOCK_NAMES } from '../../../../shared/matters.ts';
import { clockLight, effectiveDue, type ClockState } from '../../../../domain/sla/clocks.ts';
import type { Clock, Deadlines, Light } from '../api.ts';

export const LIGHT_COLORS: Record<Light, string> = { green: '#2e9e5b', yellow: '#e0a100', red: '#d4380d' };
export const NO_CLOCK_COLOR = '#8c96a3';
const RANK: Record<Light, number> = { green: 0, yellow: 1, red: 2 };

/** A clock as the domain counts it, from its wire form. */
export function clockState(c: Clock): ClockState {
  const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso));
  return {
    startedAt: Date.parse(c.startedAt), due: Date.parse(c.plannedDueAt), suspendedMs: c.suspendedMs,
    pausedAt: ms(c.pausedAt), stoppedAt: ms(c.stoppedAt), light: c.light,
  };
}

/** The light of a clock at `now` by the server's own rule (`clockLight`): suspended time does not count. */
export function lightAt(c: Clock, now: number): Light {
  return clockLight(clockState(c), now);
}

/** Time left at `now` (negative past due): a suspended clock stands still. */
export function timeLeft(c: Clock, now: number): number {
  return effectiveDue(clockState(c), now) - now;
}

export interface Running { name: string; clock: Clock; light: Light }

/** The running clocks of a case in their usual order. */
export function runningClocks(d: Deadlines, now: number): Running[] {
  const names = [...CLOCK_NAMES, ...Object.keys(d).filter((k) => !(CLOCK_NAMES as readonly string[]).includes(k))];
  return names.flatMap((name) => {
    const clock = d[name];
    return clock && !clock.stoppedAt ? [{ name, clock, light: lightAt(clock, now) }] : [];
  });
}

/** The clock that matters most now: the worst light, then the earliest due. */
export function worstClock(d: Deadlines, now: number): Running | null {
  let best: Running | null = null;
  for (const r of runningClocks(d, now)) {
    if (!best || RANK[r.light] > RANK[best.light] || (r.light === best.light && timeLeft(r.clock, now) < timeLeft(best.clock, now))) best = r;
  }
  return best;
}

/** mm:ss under an hour, h:mm:ss under a day, then "Nd hh:mm"; negative values are time past due. */
export function countdownText(ms: number, dayWord: string): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const s = total % 60;
  const m = Math.floor(total / 60) % 60;
  const h = Math.floor(total / 3600);
  if (h === 0) return `${pad(m)}:${pad(s)}`;
  if (h < 24) return `${h}:${pad(m)}:${pad(s)}`;
  return `${Math.floor(h / 24)}${dayWord} ${pad(h % 24)}:${pad(m)}`;
}

export function formatTime(iso: string | null | undefined, lang: string, withYear = false): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return d.toLocaleString(lang.startsWith('zh') ? 'zh-CN' : 'en-GB', {
    year: withYear ? 'numeric' : undefined, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
  });
}

const subscribers = new Set<(n: number) => void>();
let timer: ReturnType<typeof setInterval> | null = null;

/** The current time, re-rendering once a second (one shared timer for every countdown on the page). */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    subscribers.add(setNow);
    if (!timer) timer = setInterval(() => { const n = Date.now(); for (const s of subscribers) s(n); }, 1000);
    return () => {
      subscribers.delete(setNow);
      if (!subscribers.size && timer) { clearInterval(timer); timer = null; }
    };
  }, []);
  return now;
}
