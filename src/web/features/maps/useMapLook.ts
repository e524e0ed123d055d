// The configured basemap as the maps' look (style and datum shift), worked out once per page load and shared by every
// map that asks: undefined while the configuration is on its way.
import { useEffect, useState } from 'react';
import { mapLookOf, type MapLook } from '../../ui/map/basemap.ts';
import { loadMapConfig } from './api.ts';

let look: Promise<MapLook> | null = null;
let settled: MapLook | undefined;

function loadLook(): Promise<MapLook> {
  look ??= loadMapConfig().then(async (c) => { settled = await mapLookOf(c.basemap); return settled; });
  return look;
}

export function useMapLook(): MapLook | undefined {
  const [value, setValue] = useState<MapLook | undefined>(settled);
  useEffect(() => {
    if (value) return;
    let alive = true;
    void loadLook().then((l) => { if (alive) setValue(l); });
    return () => { alive = false; };
  }, [value]);
  return value;
}
