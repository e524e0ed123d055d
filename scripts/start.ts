// `npm start`: builds the web app when its sources changed, then starts the server (which migrates and seeds).
import { buildWebIfStale } from './build-web.ts';

// numbered steps after scripts/ensure-installed.mjs's [1/3] (the dependencies), which `npm start` runs first
await buildWebIfStale('[2/3] ');
console.log('[3/3] Starting the server (it migrates the database and, the first time, seeds the demo district)…');
// the demo looks lived in: two months of cases on the first start, and new reports while it runs (never in production;
// set DEMO_HISTORY=off or DEMO_LIVE=off to start without them)
process.env.DEMO_HISTORY ??= 'on';
process.env.DEMO_LIVE ??= 'on';
await import('../src/server/main.ts');
