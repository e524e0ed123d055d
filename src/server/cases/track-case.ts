import type { Tx } from '../platform/db/db.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { parseCaseNumber, printCaseNumber } from '../../domain/cases/case-number.ts';
import * as store from './store.ts';

/**
 * A case as its reporter follows it without an account: found by its number, as printed or typed, and the phone it was
 * reported with (its lookup hash). Any other phone gets the same 404 as no case, so numbers cannot be probed.
 */
export async function trackCase(tx: Tx, number: string, phoneHash: string): Promise<{ row: store.CaseRow; events: store.EventRow[] }> {
  const parsed = parseCaseNumber(number);
  if (!parsed) throw new AppError('VALIDATION_FAILED', 'That is not a case number.', '案卷编号格式不正确。');
  const row = await store.findCaseByNumber(tx, printCaseNumber(parsed));
  if (!row || row.reporter_phone_hash !== phoneHash) throw notFound('case');
  return { row, events: await store.listEvents(tx, row.id) };
}
