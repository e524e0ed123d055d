// `npm start`: builds the web app when its sources changed, then starts the server (which migrates and seeds).
import { buildWebIfStale } from './build-web.ts';

await buildWebIfStale();
await import('../src/server/main.ts');
