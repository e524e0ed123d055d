// MapLibre GL 6 runs its worker from a separate module: ship that file with the build and point MapLibre at
// it (the same setting the org map makes; setting it twice to the same URL is harmless).
import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

setWorkerUrl(workerUrl);

export { Map, Marker } from 'maplibre-gl';
