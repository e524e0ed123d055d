// What the report maps need besides the map itself: the area the map opens on (the user's grid, community or town;
// the default town for the anonymous page), whether a point lies in one of the grids drawn, the nearest grid to snap
// a point to, and the address search with its pause between keystrokes.
import { useEffect, useMemo, useState } from 'react';
import { useApi } from '../../lib/useApi.ts';
import { containsPoint, snapInside, type Snapped } from '../../../shared/geometry.ts';
import { fetchMapArea, searchPlaces, type MapArea, type Place } from './api.ts';
import type { LngLat, MapUnits } from './units.ts';
import './locales.ts';

const GRID_LEVELS = new Set(['grid', 'dedicatedGrid']);

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

/** The grid drawn at a point, if any. */
export function gridAt(units: MapUnits | null, at: LngLat | null): { id: string; name: string } | null {
  if (!units || !at) return null;
  const f = units.features.find((x) => GRID_LEVELS.has(x.properties.level) && containsPoint(x.geometry, at));
  return f ? { id: f.properties.id, name: f.properties.name } : null;
}

/** A point just inside the nearest grid drawn, with its name and how far it is. */
export function nearestGrid(units: MapUnits | null, at: LngLat): Snapped<{ id: string; name: string }> | null {
  if (!units) return null;
  const grids = units.features.filter((f) => GRID_LEVELS.has(f.properties.level));
  return snapInside(at, grids.map((f) => ({ area: { id: f.properties.id, name: f.properties.name }, geometry: f.geometry })));
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
