import type { Tx } from '../platform/db/db.ts';
import { randomUUID } from 'node:crypto';
import { appendAudit, auditRowSql, nextAuditRow, type AuditEntry } from '../audit/audit-log.ts';
import { insertChange, insertRowWithChange, type RegistryTable } from './store.ts';
import type { Reach } from './reach.ts';

/** Who changes the registry, when, from where: what every command is given. */
export interface RegistryActor {
  reach: Reach;
  ip: string | null;
  now: Date;
}

export type EntityKind = 'building' | 'household' | 'resident' | 'place' | 'thing' | 'hazard';

/** The fields that differ between two snapshots, before and after (personal fields are masked in the snapshots). */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)) {
      b[k] = before[k] ?? null;
      a[k] = after[k] ?? null;
    }
  }
  return { before: b, after: a };
}

type Change = {
  kind: EntityKind; id: string; householdId: string | null; orgPath: string; action: string; reason?: string | null;
  before: Record<string, unknown> | null; after: Record<string, unknown> | null;
};

const changeRow = (who: RegistryActor, c: Omit<Change, 'id'>) => ({
  entity_kind: c.kind, household_id: c.householdId, org_path: c.orgPath, at: who.now,
  actor_id: who.reach.accountId, actor_name: who.reach.name, action: c.action, reason: c.reason ?? null,
  before: c.before, after: c.after,
});

/** The audit entry of a change: the fields changed, not their values (the history has them, masked). */
const auditEntry = (who: RegistryActor, c: Change): AuditEntry => ({
  at: who.now, actorId: who.reach.accountId, actorName: who.reach.username, ip: who.ip,
  action: `registry.${c.kind}.${c.action}`, targetType: `registry_${c.kind}`, targetId: c.id, success: true,
  detail: { fields: Object.keys(c.after ?? c.before ?? {}), ...(c.reason ? { reason: c.reason } : {}) },
});

/**
 * One change of a registry record: its history row (the household file's) and its audit entry, both in the
 * transaction of the change. Snapshots hold masked personal data only; the audit entry names the fields changed, not
 * their values (the history has them, masked).
 */
export async function recordChange(tx: Tx, who: RegistryActor, c: Change): Promise<void> {
  await insertChange(tx, { ...changeRow(who, c), entity_id: c.id });
  await appendAudit(tx, auditEntry(who, c));
}

/**
 * A new record of the registry, its history row and its audit entry in one statement, in the caller's transaction:
 * what an insert then `recordChange` would do, in one round trip (plus the chain's lock and head at a transaction's
 * first entry). The record's id is made here (a v4 UUID, as the tables' default makes), so the audit entry can name
 * it. `householdId: 'self'` for a household's own creation. Answers the new record's id.
 */
export async function createRecord(tx: Tx, who: RegistryActor, table: RegistryTable, row: Record<string, unknown>,
  c: Omit<Change, 'id' | 'householdId'> & { householdId: string | null | 'self' }): Promise<string> {
  const id = randomUUID();
  const change: Change = { ...c, id, householdId: c.householdId === 'self' ? id : c.householdId };
  const audit = await nextAuditRow(tx, auditEntry(who, change));
  await insertRowWithChange(tx, table, { ...row, id }, { ...changeRow(who, change), entity_id: id }, (params) => auditRowSql(audit.row, params));
  audit.appended();
  return id;
}
