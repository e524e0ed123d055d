// The report maps' data: the area a map opens on (the user's grid, community or town; the default town for the
// anonymous page) and the address search with its pause between keystrokes.
import { useEffect, useMemo, useState } from 'react';
import { useApi } from '../../lib/useApi.ts';
import { fetchMapArea, searchPlaces, type MapArea, type Place } from './api.ts';
import '../../ui/map/locales.ts';

export interface PlaceArea {
  area: MapArea | null;
  loading: boolean;
  error: unknown;
}

/** The area for this user (signed in), or the default town's (anonymous); fetched once, unless not `enabled`. */
export function usePlaceArea(anonymous: boolean, enabled = true): PlaceArea {
  const r = useApi(enabled ? (signal) => fetchMapArea(anonymous, signal) : null, [anonymous, enabled]);
  return { area: r.data ?? null, loading: r.loading, error: r.error };
}

export interface PlaceSearch { items: Place[]; loading: boolean; error: unknown }

/** Places matching the text typed, asked 300 ms after the last keystroke; nothing for an empty text. */
export function usePlaceSearch(text: string, anonymous: boolean): PlaceSearch {
  const q = text.trim();
  const [state, setState] = useState<PlaceSearch>({ items: [], loading: false, error: null });
  useEffect(() => {
    if (!q) { setState({ items: [], loading: false, error: null }); return; }
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    const timer = setTimeout(() => {
      searchPlaces(q.slice(0, 60), anonymous, ctrl.signal).then(
        (r) => setState({ items: r.items, loading: false, error: null }),
        (e: unknown) => { if (!ctrl.signal.aborted) setState({ items: [], loading: false, error: e }); },
      );
    }, 300);
    return () => { clearTimeout(timer); ctrl.abort(); };
  }, [q, anonymous]);
  return useMemo(() => state, [state]);
}
