// Registers the service worker (built by vite-plugin-pwa, see vite.config.ts) from the phone pages: it precaches the
// app shell and keeps copies of today's tasks, the household files and their photos for use without a network. A new
// release's worker takes over at once and never reloads the page by itself (a form being filled is not lost); a page
// of an old release that misses a chunk reloads itself as before (src/web/app/RouteError.tsx).
import { Workbox } from 'workbox-window';

let registered = false;

export function registerServiceWorker(): void {
  // only in a built app (the dev server has no sw.js) and where the browser has service workers (https or localhost)
  if (registered || import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  registered = true;
  const wb = new Workbox('/sw.js', { scope: '/' });
  wb.register().catch((e: unknown) => console.warn('service worker not registered', e));
}
