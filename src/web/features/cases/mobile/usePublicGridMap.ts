// Grid outlines for people without a staff scope (residents, the anonymous form): the community around the first
// position found. Fetched once, so moving the pin does not redraw the map; a point outside every grid gets no map.
import { useState } from 'react';
import { useApi } from '../../../lib/useApi.ts';
import { fetchPublicGridMap, type UnitFeatures } from '../../org/api.ts';
import type { LngLat } from '../api.ts';

export function usePublicGridMap(position: LngLat | null, enabled: boolean): UnitFeatures | null {
  const [first, setFirst] = useState<LngLat | null>(null);
  if (enabled && position && !first) setFirst(position);
  const map = useApi(enabled && first ? (signal) => fetchPublicGridMap(first, signal).catch(() => null) : null, [enabled, first]);
  return map.data ?? null;
}
