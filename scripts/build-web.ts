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

/** Builds when stale; `step` prefixes the lines (`[2/3] ` under `npm start`). Shows the elapsed time while it works. */
export async function buildWebIfStale(step = ''): Promise<void> {
  const builtIndex = 'dist/web/index.html';
  const sources = Math.max(...['src/web', 'src/shared', 'index.html', 'vite.config.ts', 'package-lock.json'].map(newestMtime));
  if (existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= sources) {
    if (step) console.log(`${step}The web app is built (dist/web is newer than its sources).`);
    return;
  }
  console.log(`${step}Building the web app into dist/web (Vite; about a minute the first time)…`);
  const started = Date.now();
  const stop = heartbeat(started);
  const { build } = await import('vite');
  // vite sets NODE_ENV=production for its build; the server that starts next must keep the caller's mode
  const mode = process.env.NODE_ENV;
  try {
    await build({ logLevel: 'warn' });
  } finally {
    stop();
    if (mode === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = mode;
  }
  console.log(`${step ? '      ' : ''}Web app built in ${Math.round((Date.now() - started) / 1000)} s.`);
}

/** The elapsed time, rewritten in place on a terminal, a line every 15 s in a log; the returned function ends it. */
function heartbeat(started: number): () => void {
  const tty = process.stdout.isTTY === true;
  let shown = false;
  const line = () => `  building · ${Math.round((Date.now() - started) / 1000)} s`;
  const timer = setInterval(() => {
    if (tty) { process.stdout.write(`\r\x1b[K${line()}`); shown = true; } else console.log(line());
  }, tty ? 1000 : 15_000);
  return () => {
    clearInterval(timer);
    if (shown) process.stdout.write('\r\x1b[K');
  };
}
