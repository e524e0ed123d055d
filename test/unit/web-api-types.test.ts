import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The web takes the types of what the API answers from the server's TypeBox schemas (src/server/<capability>/*schemas.ts),
// and nothing else of the server: type-only imports, which the build erases, so no server code reaches the bundle.
const WEB = path.resolve('src/web');
const SERVER = path.resolve('src/server');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []);
}

/** What in one file of the web reaches into the server other than a type-only import of a schemas file. */
function serverReaches(file: string, code: string): string[] {
  const statements = [
    ...code.matchAll(/^\s*((?:import|export)\b[^;'"]*?)\bfrom\s*['"]([^'"]+)['"]/gm),
    ...code.matchAll(/^\s*(import)\s*['"]([^'"]+)['"]/gm),
    ...code.matchAll(/\b(import)\(\s*['"]([^'"]+)['"]\s*\)/g),
  ];
  const problems: string[] = [];
  for (const [, head, spec] of statements) {
    if (!spec!.startsWith('.')) continue;
    const target = path.resolve(path.dirname(file), spec!);
    if (!target.startsWith(SERVER + path.sep)) continue;
    const typeOnly = /^(import|export)\s+type\b/.test(head!.trim());
    if (!typeOnly) problems.push(`a value import of ${path.relative(SERVER, target)}`);
    else if (!/schemas\.ts$/.test(target)) problems.push(`a type from ${path.relative(SERVER, target)}, not a schemas file`);
  }
  return problems;
}

describe('the web and the server', () => {
  const files = filesUnder(WEB);
  it.each(files.map((f) => path.relative(WEB, f)))('src/web/%s imports only types of the API schemas from the server', (file) => {
    const abs = path.join(WEB, file);
    expect(serverReaches(abs, readFileSync(abs, 'utf8'))).toEqual([]);
  });

  it('the case calls take their types from the schemas', () => {
    const code = readFileSync(path.join(WEB, 'features/cases/api.ts'), 'utf8');
    expect(code).toMatch(/import type \* as s from '\.\.\/\.\.\/\.\.\/server\/cases\/schemas\.ts'/);
    expect(code).not.toMatch(/export (interface|type) (Light|Tier)\b\s*=/);
  });

  const at = path.join(WEB, 'features/cases/api.ts');
  it.each([
    ["import type * as s from '../../../server/cases/schemas.ts';", true],
    ["import type { Static } from '@sinclair/typebox';", true],
    ["export type { Light } from '../../../shared/matters.ts';", true],
    ["import * as s from '../../../server/cases/schemas.ts';", false],
    ["import { type CaseSummary } from '../../../server/cases/schemas.ts';", false],
    ["export { CaseSummary } from '../../../server/cases/schemas.ts';", false],
    ["import type { CaseRow } from '../../../server/cases/store.ts';", false],
    ["const m = import('../../../server/cases/schemas.ts');", false],
  ])('%s → allowed %s', (line, allowed) => {
    expect(serverReaches(at, line).length === 0).toBe(allowed);
  });
});
