// What a grid worker types into the one search box, sent as the API asks for it: an ID number and a phone number are
// matched exactly (through their keyed hashes, never a plain-text index), anything else as part of a name, its pinyin
// initials or an address.
import { normaliseIdNumber } from '../../../../domain/registry/id-number.ts';
import { normalisePhone } from '../../../../domain/registry/phone.ts';
import type { ResidentSearch } from './api.ts';

const ID_SHAPE = /^\d{17}[\dX]$/;
const Q_MAX = 50;

export function residentSearchOf(typed: string, tags: readonly string[] = []): ResidentSearch {
  const text = typed.trim();
  const tag = tags.length > 0 ? [...tags] : undefined;
  if (text === '') return { tag };
  const id = normaliseIdNumber(text);
  if (ID_SHAPE.test(id)) return { idNumber: id, tag };
  const phone = normalisePhone(text);
  if (phone) return { phone, tag };
  return { q: text.slice(0, Q_MAX), tag };
}

/** Today's date where the reader is, YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
