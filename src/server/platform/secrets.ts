import { randomBytes } from 'node:crypto';
import type { Tx } from './db/db.ts';

/** A random secret shared by all nodes through the database, created by whichever node asks first. */
export async function sharedSecret(db: Tx, name: string): Promise<Buffer> {
  await db.query('insert into app_secrets (name, value) values ($1, $2) on conflict (name) do nothing', [name, randomBytes(32).toString('base64')]);
  const r = await db.query<{ value: string }>('select value from app_secrets where name = $1', [name]);
  return Buffer.from(r.rows[0]!.value, 'base64');
}
