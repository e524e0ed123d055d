import { useEffect, useState } from 'react';

/** One page of a keyset-paged list, as the API answers it, with the caller's policies on the list. */
export interface CursorPage<T> { items: T[]; nextCursor: string | null; policies: readonly string[] }

/**
 * A list page's rows: the first page loads again when the filter changes (the older request cancelled), `more` appends
 * the next page, `reload` starts over (after a create, or a retry from the error state), `setError` shows another
 * failure of the page in the same place.
 */
export function useCursorList<T, F>(
  fetchPage: (filter: F, cursor: string | null, signal?: AbortSignal) => Promise<CursorPage<T>>,
  filter: F,
) {
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [policies, setPolicies] = useState<readonly string[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    fetchPage(filter, null, ctrl.signal).then(
      (page) => { setItems(page.items); setNextCursor(page.nextCursor); setPolicies(page.policies); setError(null); setLoading(false); },
      (e: unknown) => { if (!ctrl.signal.aborted) { setError(e); setLoading(false); } },
    );
    return () => ctrl.abort();
  }, [JSON.stringify(filter), tick]); // eslint-disable-line react-hooks/exhaustive-deps

  const more = () => {
    if (!nextCursor) return;
    setLoading(true);
    fetchPage(filter, nextCursor).then(
      (page) => { setItems((xs) => [...xs, ...page.items]); setNextCursor(page.nextCursor); setLoading(false); },
      (e: unknown) => { setError(e); setLoading(false); },
    );
  };
  const reload = () => { setError(null); setTick((n) => n + 1); };
  return { items, nextCursor, canCreate: policies.includes('create'), loading, error, setError, more, reload };
}
