/** The fields of an audit entry that its hash covers, in a fixed order. */
export interface AuditFields {
  at: string;
  actorId: string | null;
  actorName: string | null;
  ip: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  success: boolean;
  detail: unknown;
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * How a row's hash was made: `sha256` for rows written before the chain was keyed (anyone can recompute those),
 * `hmac-sha256` since (only a holder of the key can). Once a keyed row exists, every later row must be keyed too.
 */
export type ChainMac = 'sha256' | 'hmac-sha256';
export const CHAIN_MAC: ChainMac = 'hmac-sha256';

/** The text hashed for an entry: the previous hash and the entry's fields, canonically serialised. */
export function chainInput(prevHash: string, f: AuditFields): string {
  return JSON.stringify([prevHash, f.at, f.actorId, f.actorName, f.ip, f.action, f.targetType, f.targetId, f.success, canonical(f.detail)]);
}

/** Key-sorted copy, so the same detail always serialises the same way whatever order its keys were written in. */
export function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
  }
  return v ?? null;
}

export interface ChainRow {
  id: number;
  prevHash: string;
  hash: string;
  /** as stored: a value other than a ChainMac is a broken row */
  mac: string;
  fields: AuditFields;
}

export type ChainHashers = Readonly<Record<ChainMac, (input: string) => string>>;
export type ChainBreakReason = 'link' | 'hash' | 'unkeyed';

function hasherOf(hashers: ChainHashers, mac: string): ((input: string) => string) | null {
  return mac === 'sha256' || mac === 'hmac-sha256' ? hashers[mac] : null;
}

/**
 * The first row whose link or hash does not hold, or null when the chain is whole. `unkeyed`: a plain SHA-256 row
 * after a keyed one, which is how someone without the key would have to rewrite the rows after a keyed row.
 */
export function findChainBreak(rows: readonly ChainRow[], hashers: ChainHashers): { id: number; reason: ChainBreakReason } | null {
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const prev = i > 0 ? rows[i - 1]! : null;
    if (prev && r.prevHash !== prev.hash) return { id: r.id, reason: 'link' };
    if (prev?.mac === 'hmac-sha256' && r.mac !== 'hmac-sha256') return { id: r.id, reason: 'unkeyed' };
    const hash = hasherOf(hashers, r.mac);
    if (!hash || hash(chainInput(r.prevHash, r.fields)) !== r.hash) return { id: r.id, reason: 'hash' };
  }
  return null;
}

/**
 * A checkpoint of the head of the log, written outside the database (a file and the server log) and MAC'd with a
 * key that is not in the database either: the row `id` had hash `hash` and time `rowAt` when it was taken `at`.
 */
export interface Anchor {
  id: number;
  hash: string;
  rowAt: string;
  at: string;
  mac: string;
}

export const anchorInput = (a: Omit<Anchor, 'mac'>): string => JSON.stringify(['zhizhi audit anchor v1', a.id, a.hash, a.rowAt, a.at]);

/** One line of the anchor file, or null when it is not an anchor at all. */
export function parseAnchor(line: string): Anchor | null {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return null;
  }
  const a = v as Partial<Anchor> | null;
  const ok = !!a && Number.isSafeInteger(a.id) && typeof a.hash === 'string' && typeof a.mac === 'string'
    && typeof a.rowAt === 'string' && !Number.isNaN(Date.parse(a.rowAt)) && typeof a.at === 'string' && !Number.isNaN(Date.parse(a.at));
  return ok ? { id: a.id!, hash: a.hash!, rowAt: a.rowAt!, at: a.at!, mac: a.mac! } : null;
}

/**
 * unreadable: the line is not an anchor · signature: its MAC does not hold (the file was edited, or the key is
 * another) · rewritten: the anchored row is there with another hash · truncated: the anchored row is gone and so is
 * every row after it · deleted: the anchored row is gone, though later rows remain, and it was too young to be pruned
 */
export type AnchorBreakReason = 'unreadable' | 'signature' | 'rewritten' | 'truncated' | 'deleted';

export interface AnchorCheck {
  checked: number;
  /** anchors whose row the retention prune may have deleted: not evidence either way */
  pruned: number;
  latestAt: string | null;
  brokenAt: { line: number; id: number | null; reason: AnchorBreakReason } | null;
}

/** What the chain scan saw: the hashes of the anchored rows still there, and the newest row id (null: no rows). */
export interface SeenRows {
  hashes: ReadonlyMap<number, string>;
  lastId: number | null;
}

/**
 * Checks each anchor (null: a line that did not parse) against the rows now in the log. A missing row whose time is
 * before `prunableBefore` is taken as pruned by retention, wherever it sat: the prune deletes by age only.
 */
export function checkAnchors(anchors: readonly (Anchor | null)[], seen: SeenRows, prunableBefore: Date, mac: (input: string) => string): AnchorCheck {
  let pruned = 0;
  let latestAt: string | null = null;
  let brokenAt: AnchorCheck['brokenAt'] = null;
  for (const [i, a] of anchors.entries()) {
    const reason = anchorBreak(a, seen, prunableBefore, mac);
    if (reason === 'pruned') pruned++;
    else if (reason) brokenAt ??= { line: i + 1, id: a?.id ?? null, reason };
    if (a && reason !== 'unreadable' && reason !== 'signature' && (latestAt === null || Date.parse(a.at) > Date.parse(latestAt))) latestAt = a.at;
  }
  return { checked: anchors.length, pruned, latestAt, brokenAt };
}

function anchorBreak(a: Anchor | null, seen: SeenRows, prunableBefore: Date, mac: (input: string) => string): AnchorBreakReason | 'pruned' | null {
  if (!a) return 'unreadable';
  if (mac(anchorInput(a)) !== a.mac) return 'signature';
  const hash = seen.hashes.get(a.id);
  if (hash !== undefined) return hash === a.hash ? null : 'rewritten';
  if (Date.parse(a.rowAt) < prunableBefore.getTime()) return 'pruned';
  return seen.lastId === null || a.id > seen.lastId ? 'truncated' : 'deleted';
}

/**
 * Rows the prune may have deleted are older than the retention period. A day of slack covers a database clock
 * (which the prune uses) ahead of the application's (which stamps rows); rows that close to the limit go soon anyway.
 */
export function prunedBefore(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - (retentionDays - 1) * 86_400_000);
}
