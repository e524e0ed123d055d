// 积分超市: whether a redemption may go ahead, and when a reservation expires. Plain rules, no I/O, no clock of their own.
// Written down, in the order they are checked: a veto in force → POINTS_VETOED; qty not a whole number 1–20 →
// POINTS_INVALID; more than the stock → STOCK_INSUFFICIENT with the stock available; more points than the balance →
// POINTS_INSUFFICIENT with the balance available. A reservation expires RESERVATION_DAYS days (default) after it was made.
import { POINTS_LIMITS, RESERVATION_DAYS } from '../../shared/points.ts';

export type RedemptionRefusal =
  | { code: 'POINTS_VETOED'; available: number }
  | { code: 'POINTS_INVALID'; available: number }
  | { code: 'STOCK_INSUFFICIENT'; available: number }
  | { code: 'POINTS_INSUFFICIENT'; available: number };

export function redemptionRefusal(r: { balance: number; stock: number; qty: number; price: number; vetoed: boolean }): RedemptionRefusal | null {
  if (r.vetoed) return { code: 'POINTS_VETOED', available: r.balance };
  if (!Number.isInteger(r.qty) || r.qty < 1 || r.qty > POINTS_LIMITS.qty) return { code: 'POINTS_INVALID', available: r.stock };
  if (r.qty > r.stock) return { code: 'STOCK_INSUFFICIENT', available: r.stock };
  if (r.qty * r.price > r.balance) return { code: 'POINTS_INSUFFICIENT', available: r.balance };
  return null;
}

export function reservationExpiry(at: Date, days: number = RESERVATION_DAYS): Date {
  return new Date(at.getTime() + days * 86_400_000);
}
