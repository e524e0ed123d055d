// A configured basemap is fetched by the browser from its own hosts: those origins join the Content-Security-Policy's
// connect-src and img-src (MapLibre fetches tiles), on every response that carries the policy.
import type { FastifyInstance } from 'fastify';
import type { Basemap } from './settings.ts';

export function basemapOrigins(basemap: Basemap | null): string[] {
  const origins = new Set<string>();
  for (const layer of basemap?.layers ?? []) {
    for (const t of layer.tiles) {
      const url = t.replace(/^pmtiles:\/\//, '');
      if (!/^https?:\/\//.test(url)) continue; // a path on this site
      origins.add(new URL(url.replace(/\{[^}]+\}/g, '0')).origin);
    }
  }
  return [...origins];
}

export function widenContentPolicy(policy: string, origins: readonly string[]): string {
  if (!origins.length) return policy;
  return policy.split(';').map((d) => {
    const name = d.trim().split(/\s+/)[0];
    return name === 'connect-src' || name === 'img-src' ? `${d.trimEnd()} ${origins.join(' ')}` : d;
  }).join(';');
}

export function allowBasemapHosts(app: FastifyInstance, basemap: Basemap | null): void {
  const origins = basemapOrigins(basemap);
  if (!origins.length) return;
  app.addHook('onSend', async (_req, reply, payload) => {
    const csp = reply.getHeader('content-security-policy');
    if (typeof csp === 'string') reply.header('content-security-policy', widenContentPolicy(csp, origins));
    return payload;
  });
}
