// MapLibre GL 6 runs its worker from a separate module: ship that file with the build and point MapLibre at it.
import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

setWorkerUrl(workerUrl);

export { addProtocol, AttributionControl, Map, Marker, NavigationControl, Popup, ScaleControl } from 'maplibre-gl';
