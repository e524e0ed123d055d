import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonical, chainInput, findChainBreak, GENESIS_HASH, type AuditFields, type ChainRow } from '../../../src/domain/identity/audit-chain.ts';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const fields = (n: number): AuditFields => ({
  at: `2026-11-23T0${n}:00:00.000Z`, actorId: `a${n}`, actorName: `user${n}`, ip: '10.0.0.1', action: 'login',
  targetType: null, targetId: null, success: n % 2 === 0, detail: { n, nested: { b: 1, a: 2 } },
});
function chain(count: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= count; i++) {
    const f = fields(i);
    const hash = sha(chainInput(prev, f));
    rows.push({ id: i, prevHash: prev, hash, fields: f });
    prev = hash;
  }
  return rows;
}

describe('audit hash chain', () => {
  it('holds for an untouched chain', () => {
    expect(findChainBreak(chain(5), sha)).toBeNull();
  });

  it.each([
    ['an edited field', (r: ChainRow[]) => { r[2]!.fields.actorName = 'x'; }, { id: 3, reason: 'hash' }],
    ['a removed row', (r: ChainRow[]) => { r.splice(2, 1); }, { id: 4, reason: 'link' }],
    ['a re-hashed edit', (r: ChainRow[]) => { r[1]!.fields.success = !r[1]!.fields.success; r[1]!.hash = sha(chainInput(r[1]!.prevHash, r[1]!.fields)); }, { id: 3, reason: 'link' }],
  ])('finds %s', (_name, tamper, expected) => {
    const rows = chain(5);
    tamper(rows);
    expect(findChainBreak(rows, sha)).toEqual(expected);
  });

  it('serialises details the same whatever the key order', () => {
    expect(JSON.stringify(canonical({ b: 1, a: { d: 1, c: 2 } }))).toBe(JSON.stringify(canonical({ a: { c: 2, d: 1 }, b: 1 })));
  });
});
