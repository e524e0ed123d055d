// Vite's `?url` import of the MapLibre worker, typed here so these pages need no global Vite types.
declare module 'maplibre-gl/dist/maplibre-gl-worker.mjs?url' {
  const url: string;
  export default url;
}
