// A page of alarms that stays current: loaded from the API, reloaded (debounced) on every live alarm change of a care
// order the caller may see, with a tone on a new alarm, an escalation step, or a notification that names the caller (see
// alarm-sound.ts), and more pages on demand by the API's cursor.
import { useCallback, useEffect, useRef, useState } from 'react';
import { playAlarmTone } from './alarm-sound.ts';
import { isAlarmChange, listAlarms, soundsFor, subscribeCaseEvents, type AlarmQuery, type AlarmSummary, type CaseEvent } from './api.ts';

export interface LiveAlarms {
  items: AlarmSummary[]; loading: boolean; error: unknown; nextCursor: string | null;
  reload(): void; loadMore(): void;
}

export function useLiveAlarms(query: AlarmQuery | null, o: { sound?: boolean; onAlarmChange?: (e: CaseEvent) => void } = {}): LiveAlarms {
  const [items, setItems] = useState<AlarmSummary[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(query);
  const opts = useRef(o);
  opts.current = o;
  // the alarms notified to the caller at the last load (null before the first): a new one among them sounds
  const notifiedBefore = useRef<Set<string> | null>(null);
  const lastKey = useRef(key);

  useEffect(() => {
    if (!query) return;
    const ctrl = new AbortController();
    setLoading(true);
    if (key !== lastKey.current) { notifiedBefore.current = null; lastKey.current = key; }
    listAlarms(query, null, ctrl.signal).then(
      (page) => {
        // an escalation step or notification that now names the caller sounds too (the live change does not say whom)
        const before = notifiedBefore.current;
        if (before && opts.current.sound && page.items.some((a) => a.status === 'active' && a.notifiedToMe && !before.has(a.id))) playAlarmTone();
        notifiedBefore.current = new Set(page.items.filter((a) => a.notifiedToMe).map((a) => a.id));
        setItems(page.items); setNextCursor(page.nextCursor); setError(null); setLoading(false);
      },
      (e: unknown) => { if (!ctrl.signal.aborted) { setError(e); setLoading(false); } },
    );
    return () => ctrl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = subscribeCaseEvents((e) => {
      if (!isAlarmChange(e.action)) return;
      if (opts.current.sound && soundsFor(e.action)) playAlarmTone();
      opts.current.onAlarmChange?.(e);
      clearTimeout(timer);
      timer = setTimeout(() => setTick((n) => n + 1), 400);
    });
    return () => { off(); clearTimeout(timer); };
  }, []);

  const loadMore = useCallback(() => {
    if (!query || !nextCursor) return;
    setLoading(true);
    listAlarms(query, nextCursor).then(
      (page) => { setItems((xs) => [...xs, ...page.items.filter((a) => !xs.some((x) => x.id === a.id))]); setNextCursor(page.nextCursor); setLoading(false); },
      (e: unknown) => { setError(e); setLoading(false); },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, nextCursor]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { items, loading, error, nextCursor, reload, loadMore };
}
