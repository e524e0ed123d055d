// A case list that stays current: loaded from the API, reloaded (debounced) on every live case event,
// with the ids of new reports kept for a few seconds so the page can flash them.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseSummary } from '../api.ts';
import { listAllCases, subscribeCaseEvents, subscribeCaseResync, type CaseEvent, type CaseQuery } from './api.ts';

const FLASH_MS = 10_000;

export interface LiveCases { cases: CaseSummary[]; loading: boolean; error: unknown; reload(): void; flashIds: ReadonlySet<string> }

export function useLiveCases(query: CaseQuery | null, onReport?: (e: CaseEvent) => void): LiveCases {
  const [cases, setCases] = useState<CaseSummary[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [flashIds, setFlashIds] = useState<ReadonlySet<string>>(new Set());
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(query);
  const onReportRef = useRef(onReport);
  onReportRef.current = onReport;

  useEffect(() => {
    if (!query) return;
    const ctrl = new AbortController();
    setLoading(true);
    listAllCases(query, ctrl.signal).then(
      (items) => { setCases(items); setError(null); setLoading(false); },
      (e: unknown) => { if (!ctrl.signal.aborted) { setError(e); setLoading(false); } },
    );
    return () => ctrl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timers: ReturnType<typeof setTimeout>[] = [];
    const off = subscribeCaseEvents((e) => {
      clearTimeout(timer);
      timer = setTimeout(() => setTick((n) => n + 1), 400);
      if (e.action !== 'report') return;
      onReportRef.current?.(e);
      setFlashIds((s) => new Set(s).add(e.caseId));
      timers.push(setTimeout(() => setFlashIds((s) => { const n = new Set(s); n.delete(e.caseId); return n; }), FLASH_MS));
    });
    const offResync = subscribeCaseResync(() => setTick((n) => n + 1));
    return () => { off(); offResync(); clearTimeout(timer); for (const x of timers) clearTimeout(x); };
  }, []);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { cases, loading, error, reload, flashIds };
}
