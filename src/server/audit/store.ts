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

export async function searchAudit(tx: Tx, q: AuditQuery): Promise<AuditRow[]> {
  const r = await tx.query<AuditRow>(
    `select * from audit_log
      where ($1::text is null or actor_id = $1) and ($2::text is null or action like $2 || '%') and ($3::text is null or target_id = $3)
        and ($4::timestamptz is null or at >= $4) and ($5::timestamptz is null or at < $5) and ($6::boolean is null or success = $6)
        and ($7::bigint is null or id < $7)
      order by id desc limit $8`,
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
