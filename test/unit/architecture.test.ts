import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []);
}

const domainFiles = filesUnder('src/domain');
const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^\s*import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);

/** The rules stay pure: the domain imports only the domain, shared types and pure libraries, and reads no clock. */
describe('src/domain', () => {
  it.each(domainFiles)('%s imports nothing outside src/domain and src/shared, and no I/O', (file) => {
    for (const spec of importsOf(file)) {
      if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(file), spec);
        const ok = target.startsWith(path.resolve('src/domain')) || target.startsWith(path.resolve('src/shared'));
        expect(ok, `${file} imports ${spec}`).toBe(true);
      } else {
        expect(spec.startsWith('node:') || ['fs', 'pg', 'fastify'].includes(spec), `${file} imports ${spec}`).toBe(false);
      }
    }
  });

  it.each(domainFiles)('%s reads no clock of its own', (file) => {
    const code = readFileSync(file, 'utf8');
    expect(code).not.toMatch(/Date\.now\(\)|new Date\(\)|performance\.now\(\)/);
  });
});
