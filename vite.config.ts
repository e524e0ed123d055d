// The web app: root is the repository (index.html loads /src/web/main.tsx); the server serves dist/web.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';

/** Caches the answers of the API that the phone's task pages need offline: always asked first, the copy when no answer comes. */
const apiWhenOffline = (cacheName: string, maxEntries: number) => ({
  handler: 'NetworkFirst' as const,
  options: {
    cacheName, networkTimeoutSeconds: 6,
    expiration: { maxEntries, maxAgeSeconds: 3 * 24 * 3600 },
    cacheableResponse: { statuses: [200] },
    // the answers are the signed-in account's: the copy is kept under a digest of its token, so another account
    // signed in on the same phone (or the same account after signing in again) never reads it
    plugins: [{
      cacheKeyWillBeUsed: async ({ request }: { request: Request }) => {
        const token = request.headers.get('authorization') ?? '';
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token)));
        const who = Array.from(digest.slice(0, 12), (b) => b.toString(16).padStart(2, '0')).join('');
        const url = new URL(request.url);
        // the list asked from another spot is still today's list: without a network, the last one answers
        url.searchParams.delete('lng');
        url.searchParams.delete('lat');
        url.searchParams.set('__who', who);
        return url.href;
      },
    }],
  },
});

export default defineConfig({
  // pages are chunks of their own (see src/web/lib/lazyPage.ts); every text asset is also written as .br and .gz,
  // which the server sends to browsers that accept them (a phone on 4G fetches a fifth of the bytes)
  plugins: [
    react(),
    compression({ threshold: 1024 }),
    // the grid worker's phone app is installable and works offline (issue 12): a manifest and a service worker that
    // precaches the app shell. The page itself is always asked of the server first (a new release is seen at once,
    // and a tab with an old release still reloads itself on a missing chunk, see src/web/app/RouteError.tsx); only
    // without a network does the precached copy answer. Registered by the phone pages (tasks/offline/register-sw.ts).
    VitePWA({
      strategies: 'generateSW',
      injectRegister: false,
      filename: 'sw.js',
      includeAssets: ['icons/apple-touch-icon.png'],
      manifest: {
        id: '/m/tasks',
        name: '智治网格',
        short_name: '智治网格',
        description: '网格员的今日任务、走访和随手拍，离线也能用',
        lang: 'zh-CN',
        start_url: '/m/tasks',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#f3f5f8',
        theme_color: '#c0392b',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,webmanifest}'],
        // the map library too (1.1 MB): the report page's position field draws the grid map
        maximumFileSizeToCacheInBytes: 3_000_000,
        // no cache-first page: see the navigation route below
        navigateFallback: null,
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        runtimeCaching: [
          {
            urlPattern: ({ request, url }) => request.mode === 'navigate' && !url.pathname.startsWith('/api') && !url.pathname.startsWith('/docs'),
            handler: 'NetworkOnly',
            options: { precacheFallback: { fallbackURL: 'index.html' } },
          },
          { urlPattern: ({ url }) => url.pathname === '/api/tasks' || url.pathname.startsWith('/api/tasks/'), method: 'GET', ...apiWhenOffline('zz-api-tasks', 60) },
          { urlPattern: ({ url }) => url.pathname === '/api/me' || url.pathname === '/api/matters', method: 'GET', ...apiWhenOffline('zz-api-me', 4) },
          { urlPattern: ({ url }) => url.pathname.startsWith('/api/registry/households/'), method: 'GET', ...apiWhenOffline('zz-api-households', 200) },
          {
            // photo thumbnails are named by their content hash: the signature in the query changes, the bytes never
            urlPattern: ({ url }) => /^\/api\/files\/[0-9a-f]{64}\/thumb$/.test(url.pathname),
            handler: 'CacheFirst',
            options: {
              cacheName: 'zz-thumbs',
              expiration: { maxEntries: 300, maxAgeSeconds: 7 * 24 * 3600 },
              cacheableResponse: { statuses: [200] },
              plugins: [{ cacheKeyWillBeUsed: async ({ request }: { request: Request }) => new URL(request.url).pathname }],
            },
          },
        ],
      },
    }),
  ],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200, // maplibre-gl, loaded only by the map pages
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
