import type { Db } from './db/db.ts';
import type { PiiCipher } from './pii-cipher.ts';
import { forgetReporterNamesInTimeline, listPlainValues, writeSealedValues, type PersonalColumn } from './personal-data-store.ts';

const BATCH = 500;

export type SealedCounts = Record<PersonalColumn, number>;

/**
 * A start-up step, after the migrations: seals the personal data written in the clear by an earlier version or by the
 * demo seed (which runs before the app and its key exist). Only values not sealed yet are touched, one batch per
 * transaction, so it is idempotent, resumes where a crash left it, and may run on several nodes at once.
 */
export async function sealPersonalData(db: Db, pii: PiiCipher): Promise<SealedCounts> {
  const counts: SealedCounts = { accountPhones: 0, teamPhones: 0, reporterNames: 0 };
  for (const which of Object.keys(counts) as PersonalColumn[]) {
    let after = '';
    for (;;) {
      const rows = await listPlainValues(db, which, after, BATCH);
      if (rows.length === 0) break;
      counts[which] += await db.transaction(async (tx) => {
        if (which === 'reporterNames') await forgetReporterNamesInTimeline(tx, rows.map((r) => r.id));
        return writeSealedValues(tx, which, rows.map((r) => ({ ...r, sealed: pii.encrypt(r.plain) })));
      });
      if (rows.length < BATCH) break;
      after = rows[rows.length - 1]!.id;
    }
  }
  return counts;
}
