// The ledger's invariants as a property (issue 16): any sequence of awards, deductions, redemptions and corrections
// (reversals of an earlier transaction), each checked by the domain's rules before it is applied, keeps every
// non-issuer balance ≥ 0, every transaction summing to zero, the books balanced, each stored balance equal to the
// sum of its entries, and a refused transaction changing nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEntries, booksBalanced, reconcile, transactionRefusals, type EntryInput } from '../../../src/domain/points/ledger.ts';
import type { PointAccountKind } from '../../../src/shared/points.ts';

const HOUSEHOLDS = ['h1', 'h2', 'h3'];
type Op =
  | { op: 'award'; h: number; points: number }
  | { op: 'deduct'; h: number; points: number }
  | { op: 'redeem'; h: number; points: number }
  | { op: 'reverse'; nth: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('award' as const), h: fc.nat(2), points: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ op: fc.constant('deduct' as const), h: fc.nat(2), points: fc.integer({ min: 1, max: 100 }) }),
  fc.record({ op: fc.constant('redeem' as const), h: fc.nat(2), points: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ op: fc.constant('reverse' as const), nth: fc.nat(50) }),
);

describe('ledger invariants (fast-check)', () => {
  it('keep every non-issuer balance ≥ 0 and the books balanced', () => {
    fc.assert(fc.property(fc.array(opArb, { maxLength: 80 }), (ops) => {
      const books = new Map<string, { kind: PointAccountKind; balance: number }>([
        ['issuer', { kind: 'issuer', balance: 0 }], ['market', { kind: 'supermarket', balance: 0 }],
        ...HOUSEHOLDS.map((h) => [h, { kind: 'household' as const, balance: 0 }] as const),
      ]);
      const posted: { entries: EntryInput[]; reversed: boolean; isReversal: boolean }[] = [];
      const allEntries: EntryInput[] = [];

      for (const o of ops) {
        let entries: EntryInput[];
        let reverses: (typeof posted)[number] | null = null;
        if (o.op === 'reverse') {
          const candidates = posted.filter((p) => !p.reversed && !p.isReversal);
          if (!candidates.length) continue;
          reverses = candidates[o.nth % candidates.length]!;
          entries = reverses.entries.map((e) => ({ accountId: e.accountId, amount: -e.amount }));
        } else {
          const h = HOUSEHOLDS[o.h]!;
          const to = o.op === 'award' ? [['issuer', -o.points], [h, o.points]] : o.op === 'deduct' ? [[h, -o.points], ['issuer', o.points]] : [[h, -o.points], ['market', o.points]];
          entries = to.map(([accountId, amount]) => ({ accountId: accountId as string, amount: amount as number }));
        }
        expect(transactionRefusals(entries)).toEqual([]);
        const before = new Map([...books].map(([k, v]) => [k, v.balance]));
        const result = applyEntries(books, entries);
        if (!result.ok) {
          // refused: nothing moved, and it was refused for a real shortfall
          expect(new Map([...books].map(([k, v]) => [k, v.balance]))).toEqual(before);
          expect(result.shortBy).toBeGreaterThan(0);
          expect(before.get(result.accountId)! + entries.filter((e) => e.accountId === result.accountId).reduce((s, e) => s + e.amount, 0)).toBe(-result.shortBy);
          continue;
        }
        if (reverses) reverses.reversed = true;
        posted.push({ entries, reversed: false, isReversal: reverses !== null });
        allEntries.push(...entries);

        for (const [, a] of books) if (a.kind !== 'issuer') expect(a.balance).toBeGreaterThanOrEqual(0);
        expect(booksBalanced([...books.values()].map((a) => a.balance))).toBe(true);
      }

      const sums = new Map<string, number>();
      for (const e of allEntries) sums.set(e.accountId, (sums.get(e.accountId) ?? 0) + e.amount);
      expect(reconcile([...books].map(([id, a]) => ({ id, balance: a.balance })), sums)).toEqual([]);
      expect(booksBalanced(allEntries.map((e) => e.amount))).toBe(true);
    }), { numRuns: 300 });
  });
});
