// 微积分's award for a closed case (issue 16): a resident who reported a case that was then closed gets the points of
// their community's published rule with auto event `caseClosed` (event ref `case:<id>`; once per case by the ledger's
// unique key). The job reads cases closed since its watermark (point_job_watermarks 'case-awards'), in batches, each
// batch in its own transaction with the watermark moved in it. A reporter whose account is not tied to a registry
// person (by its phone), or whose community has no such rule, gets nothing.
import type { Db } from '../platform/db/db.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { personOfAccount } from '../participation/person.ts';
import { awardForEvent } from './ledger.ts';

const WATERMARK = 'case-awards';

/** Awards the cases closed since the watermark up to `now`; answers how many awards were made. */
export async function awardClosedCases(db: Db, pii: PiiCipher, now: Date, batch = 200): Promise<number> {
  let awarded = 0;
  for (;;) {
    const r = await db.transaction(async (tx) => {
      const wm = (await tx.query<{ at: Date }>(`select at from point_job_watermarks where name = $1 for update`, [WATERMARK])).rows[0];
      const since = wm ? new Date(wm.at) : new Date(0);
      const cases = (await tx.query<{ id: string; closed_at: Date; reporter_account_id: string | null }>(
        `select c.id, c.closed_at, c.reporter_account_id from cases c
          where c.status = 'closed' and c.closed_at > $1 and c.closed_at <= $2
          order by c.closed_at, c.id limit $3`,
        [since, now, batch],
      )).rows;
      let n = 0;
      for (const c of cases) {
        if (!c.reporter_account_id) continue;
        const kind = (await tx.query<{ kind: string }>(`select kind from accounts where id = $1`, [c.reporter_account_id])).rows[0]?.kind;
        if (kind !== 'resident') continue;
        const person = await personOfAccount(tx, pii, c.reporter_account_id);
        if (!person) continue;
        const a = await awardForEvent(tx, { residentId: person.residentId, autoEvent: 'caseClosed', eventRef: `case:${c.id}`, at: new Date(c.closed_at), by: null });
        if (a && a.points > 0) {
          n++;
          await appendAudit(tx, {
            at: now, actorId: null, actorName: '系统', ip: null, action: 'points.award.auto', targetType: 'point_transaction',
            targetId: a.transactionId, success: true, detail: { event: 'caseClosed', eventRef: `case:${c.id}`, points: a.points },
          });
        }
      }
      // the watermark moves to the last case read; with a full batch the next one goes on from there (ties by instant
      // re-read harmlessly: the ledger answers a repeat with the first award)
      const last = cases.length === batch ? new Date(cases[cases.length - 1]!.closed_at) : now;
      const to = cases.length === batch && last.getTime() === since.getTime() ? new Date(last.getTime() + 1) : last;
      await tx.query(
        `insert into point_job_watermarks (name, at) values ($1, $2) on conflict (name) do update set at = excluded.at`, [WATERMARK, to],
      );
      return { n, full: cases.length === batch };
    });
    awarded += r.n;
    if (!r.full) return awarded;
  }
}
