// A wall screen that runs for days must not fail because something grew: where the browser tells the page its heap
// (Chromium's performance.memory), the page reloads itself when the heap passes a bound — at most once in a while, so
// a screen whose fresh heap is already above the bound does not reload in a loop. The check is a plain function
// (table-tested) and a timer; useMemoryGuard is the hook the page calls.
import { useEffect } from 'react';

export const DEFAULT_HEAP_BOUND = 512 * 1024 * 1024;
export const DEFAULT_CHECK_EVERY_MS = 60_000;
/** two self-reloads are at least this far apart */
export const MIN_RELOAD_GAP_MS = 30 * 60_000;
const RELOADED_AT_KEY = 'zhizhi.screen.reloadedAt';

export type MemoryVerdict = 'ok' | 'reload' | 'holdOff' | 'unknown';

/** What to do with one heap sample: under the bound ok; over it reload, unless the last reload was too recent. */
export function memoryVerdict(o: { used: number | null; bound: number; now: number; lastReloadAt: number | null; minGapMs?: number }): MemoryVerdict {
  if (o.used === null || !Number.isFinite(o.used)) return 'unknown';
  if (o.used <= o.bound) return 'ok';
  if (o.lastReloadAt !== null && o.now - o.lastReloadAt < (o.minGapMs ?? MIN_RELOAD_GAP_MS)) return 'holdOff';
  return 'reload';
}

/** The JS heap in use, where the browser tells it (Chromium), else null. */
export function usedHeap(): number | null {
  const m = (performance as Performance & { memory?: { usedJSHeapSize?: number } }).memory;
  return typeof m?.usedJSHeapSize === 'number' ? m.usedJSHeapSize : null;
}

export interface MemoryGuardOptions {
  bound?: number;
  everyMs?: number;
  read?: () => number | null;
  now?: () => number;
  /** the last self-reload, and remembering one (sessionStorage: it survives the reload, not the tab) */
  lastReloadAt?: () => number | null;
  remember?: (at: number) => void;
  reload?: () => void;
  /** told before reloading, e.g. to show why */
  onReload?: (used: number) => void;
}

/** Checks the heap every `everyMs`; answers the stop function. */
export function startMemoryGuard(o: MemoryGuardOptions = {}): () => void {
  const bound = o.bound ?? DEFAULT_HEAP_BOUND;
  const read = o.read ?? usedHeap;
  const now = o.now ?? Date.now;
  const lastReloadAt = o.lastReloadAt ?? (() => { const v = Number(sessionStorage.getItem(RELOADED_AT_KEY)); return v > 0 ? v : null; });
  const remember = o.remember ?? ((at: number) => sessionStorage.setItem(RELOADED_AT_KEY, String(at)));
  const reload = o.reload ?? (() => window.location.reload());
  let stopped = false;
  const timer = setInterval(() => {
    const used = read();
    const at = now();
    if (memoryVerdict({ used, bound, now: at, lastReloadAt: lastReloadAt() }) !== 'reload' || stopped) return;
    stopped = true;
    clearInterval(timer);
    remember(at);
    o.onReload?.(used!);
    reload();
  }, o.everyMs ?? DEFAULT_CHECK_EVERY_MS);
  return () => { stopped = true; clearInterval(timer); };
}

/** The page's guard: reloads when the heap passes `bound` (512 MB by default), checked every minute. */
export function useMemoryGuard(o: { bound?: number; everyMs?: number; onReload?: (used: number) => void } = {}): void {
  const { bound, everyMs, onReload } = o;
  useEffect(() => startMemoryGuard({ bound, everyMs, onReload }), [bound, everyMs, onReload]);
}
