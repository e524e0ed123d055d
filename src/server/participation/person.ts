// Who a resident is, for supports, attendance, votes, points and sign-ups: a person of the registry, known by the keyed
// hash of their ID number (never by an account, so the same person voting by phone and on site meets one constraint).
import type { Tx } from '../platform/db/db.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import { AppError } from '../platform/errors.ts';
import { accountPhoneHash } from '../identity/account-phone-hash.ts';

export interface RegistryPerson {
  residentId: string;
  name: string;
  /** the keyed hash of the ID number: one person, one key */
  personKey: string;
  householdId: string | null;
  gridId: string;
  townId: string;
  orgPath: string;
  /** YYYY-MM-DD */
  birthDate: string;
  partyMember: boolean;
}

interface PersonRow {
  id: string; name: string; id_number_hash: string; household_id: string | null; grid_id: string; town_id: string;
  org_path: string; birth_date: string; party_member: boolean;
}

const PERSON_COLUMNS = `r.id, r.name, r.id_number_hash, r.household_id, r.grid_id, r.town_id, r.org_path,
  to_char(r.birth_date, 'YYYY-MM-DD') as birth_date, r.party_member`;

function toPerson(r: PersonRow): RegistryPerson {
  return {
    residentId: r.id, name: r.name, personKey: r.id_number_hash, householdId: r.household_id, gridId: r.grid_id,
    townId: r.town_id, orgPath: r.org_path, birthDate: r.birth_date, partyMember: r.party_member,
  };
}

/** The living registry person whose phone is the account's (null when the account's phone is in no registry entry). */
export async function personOfAccount(tx: Tx, pii: PiiCipher, accountId: string): Promise<RegistryPerson | null> {
  const hash = await accountPhoneHash(tx, pii, accountId);
  if (!hash) return null;
  const r = await tx.query<PersonRow>(
    `select ${PERSON_COLUMNS} from registry_residents r where r.phone_hash = $1 and r.left_at is null order by r.created_at limit 1`,
    [hash],
  );
  return r.rows[0] ? toPerson(r.rows[0]) : null;
}

/** The living registry person of this id. */
export async function personOfResident(tx: Tx, residentId: string): Promise<RegistryPerson | null> {
  const r = await tx.query<PersonRow>(`select ${PERSON_COLUMNS} from registry_residents r where r.id = $1 and r.left_at is null`, [residentId]);
  return r.rows[0] ? toPerson(r.rows[0]) : null;
}

export const personNotInRegistry = () => new AppError(
  'PERSON_NOT_IN_REGISTRY',
  'Your phone number is not in the registry of your community yet: ask your grid worker to register you, then try again.',
  '您的手机号还未登记在社区的居民信息中：请联系网格员登记后再试。',
);

/** The account's registry person, or 422 PERSON_NOT_IN_REGISTRY. */
export async function requirePersonOfAccount(tx: Tx, pii: PiiCipher, accountId: string): Promise<RegistryPerson> {
  const person = await personOfAccount(tx, pii, accountId);
  if (!person) throw personNotInRegistry();
  return person;
}

/** The voter key of a vote counted per household. */
export const householdVoterKey = (householdId: string) => `household:${householdId}`;
