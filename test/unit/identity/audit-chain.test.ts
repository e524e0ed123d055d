import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  anchorInput, canonical, chainInput, checkAnchors, findChainBreak, GENESIS_HASH, parseAnchor, prunedBefore,
  type Anchor, type AuditFields, type ChainHashers, type ChainMac, type ChainRow,
} from '../../../src/domain/identity/audit-chain.ts';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const hmac = (key: string) => (s: string) => createHmac('sha256', key).update(s).digest('hex');
const hashers: ChainHashers = { sha256: sha, 'hmac-sha256': hmac('the key') };
const fields = (n: number): AuditFields => ({
  at: `2026-11-23T0${n}:00:00.000Z`, actorId: `a${n}`, actorName: `user${n}`, ip: '10.0.0.1', action: 'login',
  targetType: null, targetId: null, success: n % 2 === 0, detail: { n, nested: { b: 1, a: 2 } },
});

/** rows 1..count; the first `legacy` of them hashed with plain SHA-256 as before the key, the rest keyed */
function chain(count: number, legacy = 0): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= count; i++) {
    const f = fields(i);
    const mac: ChainMac = i <= legacy ? 'sha256' : 'hmac-sha256';
    const hash = hashers[mac](chainInput(prev, f));
    rows.push({ id: i, prevHash: prev, hash, mac, fields: f });
    prev = hash;
  }
  return rows;
}

/** What someone with write access but without the key can do: recompute rows [from, to) with plain SHA-256. */
function rehashWithoutKey(rows: ChainRow[], from: number, relabel: boolean, to = rows.length): void {
  for (let i = from; i < to; i++) {
    const r = rows[i]!;
    r.prevHash = i === 0 ? GENESIS_HASH : rows[i - 1]!.hash;
    r.hash = sha(chainInput(r.prevHash, r.fields));
    if (relabel) r.mac = 'sha256';
  }
}

describe('audit hash chain', () => {
  it.each([
    ['a keyed chain', 0],
    ['rows from before the key followed by keyed rows', 3],
    ['a chain from before the key only', 5],
  ])('holds for %s', (_name, legacy) => {
    expect(findChainBreak(chain(5, legacy), hashers)).toBeNull();
  });

  it.each([
    ['an edited field', (r: ChainRow[]) => { r[2]!.fields.actorName = 'x'; }, { id: 3, reason: 'hash' }],
    ['a removed row', (r: ChainRow[]) => { r.splice(2, 1); }, { id: 4, reason: 'link' }],
    ['a re-hashed edit of a row from before the key', (r: ChainRow[]) => { r[0]!.fields.success = !r[0]!.fields.success; rehashWithoutKey(r, 0, true, 1); }, { id: 2, reason: 'link' }],
    ['a re-hashed edit of a keyed row', (r: ChainRow[]) => { r[2]!.fields.success = !r[2]!.fields.success; rehashWithoutKey(r, 2, false, 3); }, { id: 3, reason: 'hash' }],
    ['an edit of the newest row, re-hashed without the key', (r: ChainRow[]) => { r[4]!.fields.detail = { n: 0 }; rehashWithoutKey(r, 4, false); }, { id: 5, reason: 'hash' }],
    ['the same, relabelled as a row from before the key', (r: ChainRow[]) => { r[4]!.fields.detail = { n: 0 }; rehashWithoutKey(r, 4, true); }, { id: 5, reason: 'unkeyed' }],
    ['a removed row and every later one re-hashed as before the key', (r: ChainRow[]) => { r.splice(2, 1); rehashWithoutKey(r, 2, true); }, { id: 4, reason: 'unkeyed' }],
    ['a row whose kind of hash is unknown', (r: ChainRow[]) => { r[0]!.mac = 'none'; }, { id: 1, reason: 'hash' }],
    ['a row keyed with another key', (r: ChainRow[]) => { r[4]!.hash = hmac('another key')(chainInput(r[4]!.prevHash, r[4]!.fields)); }, { id: 5, reason: 'hash' }],
  ])('finds %s', (_name, tamper, expected) => {
    const rows = chain(5, 1);
    tamper(rows);
    expect(findChainBreak(rows, hashers)).toEqual(expected);
  });

  it('cannot tell a log rewritten whole as if from before the key: that takes the anchors', () => {
    const rows = chain(5);
    rows.splice(2, 1);
    rehashWithoutKey(rows, 0, true);
    expect(findChainBreak(rows, hashers)).toBeNull();
  });

  it('serialises details the same whatever the key order', () => {
    expect(JSON.stringify(canonical({ b: 1, a: { d: 1, c: 2 } }))).toBe(JSON.stringify(canonical({ a: { c: 2, d: 1 }, b: 1 })));
  });
});

describe('audit anchors', () => {
  const anchorMac = hmac('the anchor key');
  const anchor = (id: number, hash: string, rowAt: string, at = '2026-11-23T10:00:00.000Z'): Anchor => {
    const body = { id, hash, rowAt, at };
    return { ...body, mac: anchorMac(anchorInput(body)) };
  };
  const now = new Date('2026-11-23T12:00:00.000Z');
  const keepFrom = prunedBefore(now, 365);
  const recent = '2026-11-20T08:00:00.000Z';
  const old = '2025-06-01T08:00:00.000Z';
  // rows 5..9 are in the log; 1..4 were pruned or deleted
  const seen = { hashes: new Map([[5, 'h5'], [7, 'h7'], [9, 'h9']]), lastId: 9 };

  it.each([
    ['an anchored row that is still there', [anchor(7, 'h7', recent)], null, 0],
    ['an anchor of a row the retention prune deleted', [anchor(2, 'h2', old)], null, 1],
    ['an anchored row rewritten', [anchor(7, 'other', recent)], { line: 1, id: 7, reason: 'rewritten' }, 0],
    ['an anchored row cut off the end of the log', [anchor(5, 'h5', recent), anchor(12, 'h12', recent)], { line: 2, id: 12, reason: 'truncated' }, 0],
    ['an anchored row deleted from the start though too young to prune', [anchor(3, 'h3', recent)], { line: 1, id: 3, reason: 'deleted' }, 0],
    ['an anchored row deleted from the middle', [anchor(6, 'h6', recent)], { line: 1, id: 6, reason: 'deleted' }, 0],
    ['an anchor whose MAC does not hold', [{ ...anchor(7, 'h7', recent), hash: 'h5', id: 5 }], { line: 1, id: 5, reason: 'signature' }, 0],
    ['a line that is no anchor', [anchor(5, 'h5', recent), null], { line: 2, id: null, reason: 'unreadable' }, 0],
  ])('%s', (_name, anchors, brokenAt, pruned) => {
    expect(checkAnchors(anchors, seen, keepFrom, anchorMac)).toMatchObject({ checked: anchors.length, brokenAt, pruned });
  });

  it('takes an emptied log with recent anchors for a truncated one, and one emptied by the prune for a whole one', () => {
    const empty = { hashes: new Map<number, string>(), lastId: null };
    expect(checkAnchors([anchor(9, 'h9', recent)], empty, keepFrom, anchorMac).brokenAt).toEqual({ line: 1, id: 9, reason: 'truncated' });
    expect(checkAnchors([anchor(9, 'h9', old)], empty, keepFrom, anchorMac)).toMatchObject({ brokenAt: null, pruned: 1 });
  });

  it('reports the newest anchor whose MAC holds', () => {
    const forged = { ...anchor(9, 'h9', recent, '2026-11-23T11:50:00.000Z'), mac: 'f'.repeat(64) };
    const check = checkAnchors([anchor(5, 'h5', recent, '2026-11-23T11:00:00.000Z'), anchor(7, 'h7', recent, '2026-11-23T11:10:00.000Z'), forged], seen, keepFrom, anchorMac);
    expect(check.latestAt).toBe('2026-11-23T11:10:00.000Z');
    expect(checkAnchors([], seen, keepFrom, anchorMac)).toEqual({ checked: 0, pruned: 0, latestAt: null, brokenAt: null });
  });

  it('reads a line back as the anchor it was, and nothing else as one', () => {
    const a = anchor(7, 'h7', recent);
    expect(parseAnchor(JSON.stringify(a))).toEqual(a);
    for (const line of ['', '{"id":7', 'null', '[]', JSON.stringify({ ...a, id: '7' }), JSON.stringify({ ...a, rowAt: 'yesterday' }), JSON.stringify({ ...a, mac: undefined })]) {
      expect(parseAnchor(line)).toBeNull();
    }
  });

  it('counts a row as prunable a day before the retention period ends, so a database clock ahead does not alarm', () => {
    expect(prunedBefore(now, 365).toISOString()).toBe('2025-11-24T12:00:00.000Z');
    expect(prunedBefore(now, 183).toISOString()).toBe('2026-05-25T12:00:00.000Z');
  });
});
