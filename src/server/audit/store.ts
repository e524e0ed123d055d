import type { Tx } from '../platform/db/db.ts';

export interface AuditRow {
  id: number;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  ip: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  success: boolean;
  detail: unknown;
  prev_hash: string;
  hash: string;
  mac: string;
}

export interface AuditQuery {
  actorId?: string;
  action?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
  success?: boolean;
  beforeId?: number;
  limit: number;
}

/** A row as the log's readers see it: with the actor's display name and the target's name, where they still exist. */
export interface NamedAuditRow extends AuditRow {
  actor_display_name: string | null;
  target_name: string | null;
}

/**
 * The page of the log asked for, newest first, each row with names in the same query: the acting account's display
 * name, and the target's (an org unit's, account's, matter's or post's name, a case's number). A target that is gone,
 * or of a type without a name (a route, a calendar year), has none.
 */
export async function searchAudit(tx: Tx, q: AuditQuery): Promise<NamedAuditRow[]> {
  const r = await tx.query<NamedAuditRow>(
    `select l.*, actor.name as actor_display_name,
            case l.target_type when 'org_unit' then ou.name when 'account' then acc.name when 'matter' then m.name
              when 'post' then p.name when 'case' then c.number end as target_name
       from (select * from audit_log
              where ($1::text is null or actor_id = $1) and ($2::text is null or action like $2 || '%') and ($3::text is null or target_id = $3)
                and ($4::timestamptz is null or at >= $4) and ($5::timestamptz is null or at < $5) and ($6::boolean is null or success = $6)
                and ($7::bigint is null or id < $7)
              order by id desc limit $8) l
       left join accounts actor on actor.id = l.actor_id
       left join org_units ou on l.target_type = 'org_unit' and ou.id = l.target_id
       left join accounts acc on l.target_type = 'account' and acc.id = l.target_id
       left join matters m on l.target_type = 'matter' and m.id = l.target_id
       left join posts p on l.target_type = 'post' and p.id = l.target_id
       left join cases c on l.target_type = 'case' and c.id = l.target_id
      order by l.id desc`,
    [q.actorId ?? null, q.action ?? null, q.targetId ?? null, q.from ?? null, q.to ?? null, q.success ?? null, q.beforeId ?? null, q.limit],
  );
  return r.rows;
}

export async function auditRowsInOrder(tx: Tx, afterId: number, limit: number): Promise<AuditRow[]> {
  const r = await tx.query<AuditRow>('select * from audit_log where id > $1 order by id limit $2', [afterId, limit]);
  return r.rows;
}

/** The newest row, the one an anchor pins. */
export async function auditHead(tx: Tx): Promise<{ id: number; hash: string; at: Date } | null> {
  const r = await tx.query<{ id: number; hash: string; at: Date }>('select id, hash, at from audit_log order by id desc limit 1');
  return r.rows[0] ?? null;
}

const CHAIN_LOCK = 7_141_002;

/** Orders appends across nodes: held until the caller's transaction ends. */
export async function lockAuditChain(tx: Tx): Promise<void> {
  await tx.query('select pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
}

const AUDIT_COLUMNS = 'at, actor_id, actor_name, ip, action, target_type, target_id, success, detail, prev_hash, hash, mac';
const auditValues = (row: Omit<AuditRow, 'id'>): unknown[] => [row.at, row.actor_id, row.actor_name, row.ip, row.action,
  row.target_type, row.target_id, row.success, row.detail === null ? null : JSON.stringify(row.detail), row.prev_hash, row.hash, row.mac];

export async function insertAuditRow(tx: Tx, row: Omit<AuditRow, 'id'>): Promise<void> {
  await tx.query(`insert into audit_log (${AUDIT_COLUMNS}) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`, auditValues(row));
}

/** The insert of an audit row (from `nextAuditRow`) as SQL to run within another statement, its values pushed onto `params`. */
export function auditRowSql(row: Omit<AuditRow, 'id'>, params: unknown[]): string {
  const casts = ['timestamptz', 'text', 'text', 'text', 'text', 'text', 'text', 'boolean', 'jsonb', 'text', 'text', 'text'];
  const values = auditValues(row).map((v, i) => { params.push(v); return `$${params.length}::${casts[i]}`; });
  return `insert into audit_log (${AUDIT_COLUMNS}) values (${values.join(', ')})`;
}

/** Deletes rows older than the retention period: the one deletion the table's guard lets through, for this transaction only. */
export async function pruneAuditRows(tx: Tx, retentionDays: number): Promise<number> {
  await tx.query(`select set_config('zhizhi.audit_prune', 'on', true), set_config('zhizhi.audit_retention_days', $1, true)`, [String(retentionDays)]);
  const r = await tx.query(`delete from audit_log where at < now() - make_interval(days => $1::int)`, [retentionDays]);
  return r.rowCount;
}
