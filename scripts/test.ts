// `npm test`: builds the web app if needed (the browser tests drive it), then runs every test with Vitest.
import { spawnSync } from 'node:child_process';
import { buildWebIfStale } from './build-web.ts';

await buildWebIfStale();
const result = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
