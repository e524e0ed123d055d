// Every advisory lock key the server takes is its own: two rules sharing a key wait on each other (the start-up lock
// and the audit chain once did, and a first start on PostgreSQL hung on it).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src/server');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
}

describe('advisory lock keys', () => {
  const keys = sources(SRC).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/const (\w*LOCK\w*) = ([\d_]+);/g)].map((m) => ({
      where: `${path.relative(SRC, file)} ${m[1]}`, key: Number(m[2]!.replace(/_/g, '')),
    })));

  it('are found (the scan reads the constants)', () => {
    expect(keys.length).toBeGreaterThanOrEqual(8);
  });

  it('are distinct', () => {
    const byKey = new Map<number, string[]>();
    for (const k of keys) byKey.set(k.key, [...(byKey.get(k.key) ?? []), k.where]);
    expect([...byKey.values()].filter((w) => w.length > 1)).toEqual([]);
  });
});
