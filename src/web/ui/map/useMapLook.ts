// The configured basemap as a map style and its datum shift, worked out once per page load and shared by every
// map that asks: undefined while the configuration is on its way.
import { useEffect, useState } from 'react';
import type { StyleSpecification } from 'maplibre-gl';
import { loadMapConfig } from './api.ts';
import { basemapStyle } from './basemap.ts';
import { datumShift, type DatumShift } from './datum.ts';

export interface MapLook { style: StyleSpecification; shift: DatumShift; hasBasemap: boolean }

let look: Promise<MapLook> | null = null;
let settled: MapLook | undefined;

function loadLook(): Promise<MapLook> {
  look ??= loadMapConfig().then(async (c) => {
    settled = { style: await basemapStyle(c.basemap), shift: datumShift(c.basemap?.datum), hasBasemap: !!c.basemap };
    return settled;
  });
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
