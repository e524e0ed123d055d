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
  fields: AuditFields;
}

/** The first row whose hash or link does not hold, or null when the chain is whole. */
export function findChainBreak(rows: readonly ChainRow[], hash: (input: string) => string): { id: number; reason: 'link' | 'hash' } | null {
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (i > 0 && r.prevHash !== rows[i - 1]!.hash) return { id: r.id, reason: 'link' };
    if (hash(chainInput(r.prevHash, r.fields)) !== r.hash) return { id: r.id, reason: 'hash' };
  }
  return null;
}
