// Builds the web app into dist/web when its sources are newer than the last build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

export async function buildWebIfStale(): Promise<void> {
  const builtIndex = 'dist/web/index.html';
  const sources = Math.max(...['src/web', 'src/shared', 'index.html', 'vite.config.ts', 'package-lock.json'].map(newestMtime));
  if (existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= sources) return;
  console.log('Building the web app…');
  const { build } = await import('vite');
  // vite sets NODE_ENV=production for its build; the server that starts next must keep the caller's mode
  const mode = process.env.NODE_ENV;
  try {
    await build({ logLevel: 'warn' });
  } finally {
    if (mode === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = mode;
  }
}
