// Loads data from the API for a component: { data, error, loading, reload }, cancelled on unmount.
import { useCallback, useEffect, useState } from 'react';

export interface Loaded<T> { data: T | undefined; error: unknown; loading: boolean; reload: () => void }

export function useApi<T>(load: ((signal: AbortSignal) => Promise<T>) | null, deps: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({ data: undefined, error: undefined, loading: !!load });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!load) { setState({ data: undefined, error: undefined, loading: false }); return; }
    const ctrl = new AbortController();
    setState((s) => ({ data: s.data, error: undefined, loading: true }));
    load(ctrl.signal).then(
      (data) => { if (!ctrl.signal.aborted) setState({ data, error: undefined, loading: false }); },
      (error: unknown) => { if (!ctrl.signal.aborted) setState({ data: undefined, error, loading: false }); },
    );
    return () => ctrl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}
