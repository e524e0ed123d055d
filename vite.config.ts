// The web app: root is the repository (index.html loads /src/web/main.tsx); the server serves dist/web.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';

export default defineConfig({
  // pages are chunks of their own (see src/web/lib/lazyPage.ts); every text asset is also written as .br and .gz,
  // which the server sends to browsers that accept them (a phone on 4G fetches a fifth of the bytes)
  plugins: [react(), compression({ threshold: 1024 })],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200, // maplibre-gl, loaded only by the map pages
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
