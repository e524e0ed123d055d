import type { PiiCipher } from '../platform/pii-cipher.ts';
import { AppError } from '../platform/errors.ts';
import { maskIdNumber, maskName, maskPhone } from '../../domain/identity/personal-data.ts';
import { idNumberProblemMessage, parseIdNumber } from '../../domain/registry/id-number.ts';
import { normalisePhone } from '../../domain/registry/phone.ts';
import type { SubjectKind } from '../../shared/enforcement.ts';
import type { SubjectInputT, SubjectViewT } from './schemas.ts';

/*
 * The party of an enforcement case (当事人): a person or a firm. A person's ID number and phone are sealed at rest
 * (app.pii) with a keyed hash of the ID number (the same person found again); readers see the person's name, ID number
 * and phone masked; officers and reviewers of the scope may read them whole, audited.
 */

export interface StoredSubject {
  kind: SubjectKind;
  name: string;
  /** sealed */
  idNumber: string | null;
  /** sealed */
  phone: string | null;
  address: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
}

const invalid = (en: string, zh: string, field: string) => new AppError('ENFORCEMENT_INVALID', en, zh, { field });

/** Checks and seals the subject as given; answers the stored form and the ID number's lookup hash. */
export function sealSubject(pii: PiiCipher, s: SubjectInputT): { stored: StoredSubject; idHash: string | null } {
  let idNumber: string | null = null;
  if (s.idNumber) {
    const parsed = parseIdNumber(s.idNumber);
    if (!parsed.ok) {
      const m = idNumberProblemMessage(parsed.code);
      throw new AppError('ID_NUMBER_INVALID', m.en, m.zh, { problem: parsed.code, field: 'subject.idNumber', message: m });
    }
    idNumber = parsed.idNumber;
  }
  let phone: string | null = null;
  if (s.phone) {
    phone = normalisePhone(s.phone);
    if (!phone) throw invalid('The subject\'s phone is neither a mobile nor a landline with its area code.', '当事人电话格式不正确（应为手机号或带区号的固话）。', 'subject.phone');
  }
  return {
    stored: {
      kind: s.kind,
      name: s.name.trim(),
      idNumber: idNumber ? pii.encrypt(idNumber) : null,
      phone: phone ? pii.encrypt(phone) : null,
      address: s.address?.trim() || null,
      creditCode: s.creditCode ?? null,
      legalRepresentative: s.legalRepresentative?.trim() || null,
    },
    idHash: idNumber ? pii.lookupHash(idNumber) : null,
  };
}

/** The subject as a reader sees it: a person's name, ID number and phone masked unless `whole`. */
export function presentSubject(pii: PiiCipher, s: StoredSubject, whole: boolean): SubjectViewT {
  const open = (v: string | null) => (v === null ? null : pii.tryDecrypt(v));
  const idNumber = open(s.idNumber);
  const phone = open(s.phone);
  const person = s.kind === 'person';
  const mask = !whole;
  return {
    kind: s.kind,
    name: person && mask ? maskName(s.name) : s.name,
    idNumber: idNumber === null ? null : mask ? maskIdNumber(idNumber) : idNumber,
    phone: phone === null ? null : mask ? maskPhone(phone) : phone,
    address: s.address,
    creditCode: s.creditCode,
    legalRepresentative: s.legalRepresentative,
    masked: mask,
  };
}

/** The subject whole, for the decision document (its download is audited by its route). */
export function openSubject(pii: PiiCipher, s: StoredSubject): SubjectViewT {
  return presentSubject(pii, s, true);
}
