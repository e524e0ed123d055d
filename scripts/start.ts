// `npm start`: builds the web app when its sources changed, then starts the server (which migrates and seeds).
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const builtIndex = 'dist/web/index.html';
const sourcesChanged = !existsSync(builtIndex) ||
  Math.max(newestMtime('src/web'), newestMtime('src/shared'), statSync('index.html').mtimeMs) > statSync(builtIndex).mtimeMs;
if (sourcesChanged) {
  console.log('Building the web app…');
  const { build } = await import('vite');
  await build({ logLevel: 'warn' });
}
await import('../src/server/main.ts');
