import type { Tx } from '../platform/db/db.ts';
import { AppError } from '../platform/errors.ts';
import { isSealed, type PiiCipher } from '../platform/pii-cipher.ts';
import { likePrefix } from '../platform/db/sql.ts';
import { idNumberProblemMessage, parseIdNumber } from '../../domain/registry/id-number.ts';
import { normalisePhone } from '../../domain/registry/phone.ts';
import { maskName, maskPhone } from '../../domain/identity/personal-data.ts';
import { vulnerabilityOf, shanghaiDate } from '../../domain/disputes/vulnerable.ts';
import type { PartyInput } from '../../shared/disputes.ts';
import type { PartyRow } from './store.ts';
import type { PartyViewT } from './schemas.ts';

/*
 * Parties (当事人): name, ID number, phone and address sealed with app.pii, keyed hashes of the ID number and the phone
 * (a resident finds their own disputes by the phone of their account). A party of the registry (residentId) copies the
 * resident's sealed fields. Readers see masked values; whole only for an audited unmasked read.
 */

export const disputeInvalid = (en: string, zh: string, details?: unknown) => new AppError('DISPUTE_INVALID', en, zh, details);

export type NewParty = Omit<PartyRow, 'dispute_id' | 'seq'>;

interface ResidentSource {
  id: string; name: string; id_number: string; id_number_hash: string; phone: string | null; phone_hash: string | null;
  tags: string[]; grid_id: string; household_address: string | null;
}

const open = (pii: PiiCipher, v: string | null): string | null => (v === null ? null : isSealed(v) ? pii.tryDecrypt(v) : v);
const blank = (s: string | null | undefined) => s === undefined || s === null || s.trim() === '';

/**
 * The rows of the parties as given, sealed, with their vulnerability by rule (age from the ID number, registry tags) or
 * as staff marked it; a resident named must lie in `scopePath`. Refusals 422 DISPUTE_INVALID / ID_NUMBER_INVALID.
 */
export async function sealParties(tx: Tx, pii: PiiCipher, scopePath: string, parties: readonly PartyInput[], now: Date): Promise<{ rows: NewParty[]; grids: number }> {
  if (!parties.some((x) => x.role === 'applicant')) {
    throw disputeInvalid('A dispute needs at least one applicant.', '至少需要一名申请人。', { field: 'parties' });
  }
  const ids = parties.flatMap((x) => (x.residentId ? [x.residentId] : []));
  const found = ids.length === 0 ? [] : (await tx.query<ResidentSource>(
    `select r.id, r.name, r.id_number, r.id_number_hash, r.phone, r.phone_hash, r.tags, r.grid_id, h.address as household_address
       from registry_residents r left join registry_households h on h.id = r.household_id
      where r.id = any($1::text[]) and r.org_path like $2 and r.left_at is null`, [ids, likePrefix(scopePath)])).rows;
  const grids = new Set<string>();
  const today = shanghaiDate(now);
  const rows = parties.map((x, i): NewParty => {
    const marked = { marked: x.vulnerable === true, markedReason: x.vulnerableReason ?? null };
    if (x.residentId) {
      const r = found.find((f) => f.id === x.residentId);
      if (!r) {
        throw disputeInvalid(`Party ${i + 1}: no resident of your scope with this id.`, `第 ${i + 1} 位当事人：您的数据范围内没有该居民。`, { field: `parties/${i}/residentId` });
      }
      grids.add(r.grid_id);
      const idNumber = open(pii, r.id_number);
      const v = vulnerabilityOf({ idNumber, tags: r.tags, ...marked }, now);
      const address = blank(x.address) ? r.household_address : x.address!.trim();
      return {
        role: x.role, resident_id: r.id, name: pii.encrypt(blank(x.name) ? r.name : x.name!.trim()),
        id_number: r.id_number, id_number_hash: r.id_number_hash, phone: r.phone, phone_hash: r.phone_hash,
        address: address === null ? null : pii.encrypt(address), vulnerable: v.vulnerable, vulnerable_reason: v.reason,
      };
    }
    if (blank(x.name)) {
      throw disputeInvalid(`Party ${i + 1}: give a name or pick a resident.`, `第 ${i + 1} 位当事人：请填写姓名或选择居民。`, { field: `parties/${i}/name` });
    }
    let idNumber: string | null = null;
    if (!blank(x.idNumber)) {
      const parsed = parseIdNumber(x.idNumber!, today);
      if (!parsed.ok) {
        const m = idNumberProblemMessage(parsed.code);
        throw new AppError('ID_NUMBER_INVALID', `Party ${i + 1}: ${m.en}`, `第 ${i + 1} 位当事人：${m.zh}`, { field: `parties/${i}/idNumber`, problem: parsed.code });
      }
      idNumber = parsed.idNumber;
    }
    let phone: string | null = null;
    if (!blank(x.phone)) {
      phone = normalisePhone(x.phone!);
      if (phone === null) {
        throw disputeInvalid(`Party ${i + 1}: the phone number is neither a mobile nor a landline with its area code.`,
          `第 ${i + 1} 位当事人：电话号码格式不正确（应为手机号或带区号的固话）。`, { field: `parties/${i}/phone` });
      }
    }
    const v = vulnerabilityOf({ idNumber, ...marked }, now);
    return {
      role: x.role, resident_id: null, name: pii.encrypt(x.name!.trim()),
      id_number: idNumber === null ? null : pii.encrypt(idNumber), id_number_hash: idNumber === null ? null : pii.lookupHash(idNumber),
      phone: phone === null ? null : pii.encrypt(phone), phone_hash: phone === null ? null : pii.lookupHash(phone),
      address: blank(x.address) ? null : pii.encrypt(x.address!.trim()), vulnerable: v.vulnerable, vulnerable_reason: v.reason,
    };
  });
  return { rows, grids: grids.size };
}

/** 5001**********1234: the first four and the last four kept. */
export function maskDisputeIdNumber(id: string): string {
  return id.length <= 8 ? '*'.repeat(id.length) : id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

/** 春晖路12号 → 春晖路***: the first three characters kept. */
export function maskAddress(address: string): string {
  const chars = [...address];
  return chars.length <= 3 ? '*'.repeat(chars.length) : chars.slice(0, 3).join('') + '*'.repeat(Math.min(chars.length - 3, 6));
}

/** A party as a reader sees it: whole when `whole` (an unmasked read, or the calling resident's own party), else masked. */
export function presentParty(r: PartyRow, pii: PiiCipher, o: { whole: boolean; self: boolean }): PartyViewT {
  const whole = o.whole || o.self;
  const name = open(pii, r.name) ?? '';
  const idNumber = open(pii, r.id_number);
  const phone = open(pii, r.phone);
  const address = open(pii, r.address);
  return {
    seq: r.seq, role: r.role, residentId: r.resident_id,
    name: whole ? name : maskName(name),
    idNumber: idNumber === null ? null : whole ? idNumber : maskDisputeIdNumber(idNumber),
    phone: phone === null ? null : whole ? phone : maskPhone(phone),
    address: address === null ? null : whole ? address : maskAddress(address),
    vulnerable: r.vulnerable, vulnerableReason: r.vulnerable_reason, self: o.self,
  };
}

/** The masked name of a party (lists). */
export const maskedPartyName = (r: PartyRow, pii: PiiCipher): string => maskName(open(pii, r.name) ?? '');
