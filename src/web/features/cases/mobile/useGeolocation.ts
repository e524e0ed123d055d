// One GPS fix from navigator.geolocation, with a clear state when it is denied or unavailable. The last
// good position is remembered, so the map opens near the user next time even without GPS.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LngLat } from '../api.ts';

const LAST_KEY = 'zhizhi.lastPosition';

export type GeoState =
  | { kind: 'locating' }
  | { kind: 'ok'; at: LngLat; accuracyM: number }
  | { kind: 'failed'; reason: 'denied' | 'unavailable' | 'timeout' | 'unsupported' };

export function lastPosition(): LngLat | null {
  try {
    const v = JSON.parse(localStorage.getItem(LAST_KEY) ?? 'null') as LngLat | null;
    return v && Number.isFinite(v.lng) && Number.isFinite(v.lat) ? v : null;
  } catch { return null; }
}

export function rememberPosition(at: LngLat): void {
  localStorage.setItem(LAST_KEY, JSON.stringify({ lng: at.lng, lat: at.lat }));
}

export function useGeolocation(): { state: GeoState; relocate: () => void } {
  const [state, setState] = useState<GeoState>({ kind: 'locating' });
  const alive = useRef(true);
  const locate = useCallback(() => {
    if (!('geolocation' in navigator)) { setState({ kind: 'failed', reason: 'unsupported' }); return; }
    setState({ kind: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (p) => {
        if (!alive.current) return;
        const at = { lng: p.coords.longitude, lat: p.coords.latitude };
        rememberPosition(at);
        setState({ kind: 'ok', at, accuracyM: Math.round(p.coords.accuracy) });
      },
      (e) => {
        if (!alive.current) return;
        setState({ kind: 'failed', reason: e.code === e.PERMISSION_DENIED ? 'denied' : e.code === e.TIMEOUT ? 'timeout' : 'unavailable' });
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
    );
  }, []);
  useEffect(() => {
    alive.current = true;
    locate();
    return () => { alive.current = false; };
  }, [locate]);
  return { state, relocate: locate };
}
