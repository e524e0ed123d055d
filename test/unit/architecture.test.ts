import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []);
}

const domainFiles = filesUnder('src/domain');
/** Every module a file imports or re-exports, types included, and those it imports lazily. */
const importsOf = (file: string) => {
  const code = readFileSync(file, 'utf8');
  return [
    ...code.matchAll(/^\s*(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]/gm),
    ...code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
    ...code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]!);
};
const within = (target: string, dir: string) => target === path.resolve(dir) || target.startsWith(path.resolve(dir) + path.sep);

/** The rules stay pure: the domain imports only the domain, shared types and pure libraries, and reads no clock. */
describe('src/domain', () => {
  it.each(domainFiles)('%s imports nothing outside src/domain and src/shared, and no I/O', (file) => {
    for (const spec of importsOf(file)) {
      if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(file), spec);
        const ok = within(target, 'src/domain') || within(target, 'src/shared');
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

/**
 * The server's floors: platform/ is the ground floor (app assembly, database, auth, jobs, live updates) and knows no
 * capability; each capability (src/server/<name>/) stands on it and registers itself through its capability.ts, listed
 * once in src/server/capabilities.ts. One file is the exception, named here: the base demo seed, which writes the org
 * tree, accounts, posts and catalogs in one transaction (through identity's password hash and the matters catalog's
 * seeding). Everything else the demo holds comes from the capabilities' own demo steps (Capability.demo: the cases'
 * history, made through their commands), and the production bootstrap of the first admin lives in identity.
 */
const BASE_DEMO_SEED = 'src/server/platform/seed/seed-demo.ts';

describe('src/server/platform', () => {
  const platformFiles = filesUnder('src/server/platform').filter((f) => path.resolve(f) !== path.resolve(BASE_DEMO_SEED));

  it('names an exception that exists', () => {
    expect(filesUnder('src/server/platform').map((f) => path.resolve(f))).toContain(path.resolve(BASE_DEMO_SEED));
  });

  it.each(platformFiles)('%s imports no capability', (file) => {
    for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
      const target = path.resolve(path.dirname(file), spec);
      const ok = within(target, 'src/server/platform') || within(target, 'src/domain') || within(target, 'src/shared');
      expect(ok, `${file} imports ${spec}`).toBe(true);
    }
  });
});

describe('src/server capabilities', () => {
  const folders = readdirSync('src/server', { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== 'platform').map((e) => e.name);

  it('every capability folder has a capability.ts, listed once in src/server/capabilities.ts', async () => {
    const { CAPABILITIES } = await import('../../src/server/capabilities.ts');
    expect(CAPABILITIES.map((c) => c.name).sort()).toEqual(folders.sort());
    const listed = importsOf('src/server/capabilities.ts').filter((s) => s.endsWith('/capability.ts') && !s.startsWith('./platform/')).map((s) => s.split('/')[1]);
    expect(listed.sort()).toEqual(folders.sort());
  });

  it('the app refuses to start unless exactly one capability resolves sign-in tokens', async () => {
    const { CAPABILITIES } = await import('../../src/server/capabilities.ts');
    const { assembleApp } = await import('../../src/server/platform/app.ts');
    const { loadConfig } = await import('../../src/server/platform/config.ts');
    const deps = { db: null as never, config: loadConfig({}) };
    const identity = CAPABILITIES.find((c) => c.principalOf)!;
    await expect(assembleApp(deps, CAPABILITIES.filter((c) => c !== identity))).rejects.toThrow(/exactly one capability .* 0 do/);
    await expect(assembleApp(deps, [...CAPABILITIES, identity])).rejects.toThrow(/exactly one capability .* 2 do/);
  });
});
