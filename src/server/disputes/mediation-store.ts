import type { Tx } from '../platform/db/db.ts';
import { isSealed, type PiiCipher } from '../platform/pii-cipher.ts';
import { maskName } from '../../domain/identity/personal-data.ts';
import type { MediationOutcome, MediatorKind } from '../../shared/disputes.ts';
import type { FollowUpMethod, FollowUpViewT, MediationViewT } from './mediation-schemas.ts';

/*
 * Mediation sessions (with the 人民调解协议书 they make) and follow-up visits of a dispute: SQL only, and the presenters
 * the dispute detail uses. Attendees' names are personal data: sealed in the jsonb, opened only to show them.
 */

export interface MediationRow {
  id: string;
  dispute_id: string;
  seq: number;
  at: Date;
  place: string;
  mediator: { kind: MediatorKind; name: string; accountId?: string | null };
  /** names sealed with app.pii */
  attendees: { name: string; partySeq?: number | null }[];
  statements: { partySeq: number; said: string }[];
  agreed: string | null;
  terms: string[];
  outcome: MediationOutcome;
  agreement_number: string | null;
  signed_scan_hash: string | null;
  signed_at: Date | null;
  recorded_by: string | null;
  recorded_by_name: string | null;
  idempotency_key: string | null;
  created_at: Date;
}

export interface FollowUpRow {
  id: string;
  dispute_id: string;
  at: Date;
  method: FollowUpMethod;
  holds: boolean;
  note: string | null;
  by_account: string | null;
  by_name: string | null;
  created_at: Date;
}

const MEDIATION_COLUMNS = `m.*, a.name as recorded_by_name`;

/** A dispute's mediation sessions, first first. */
export async function listMediations(tx: Tx, disputeId: string): Promise<MediationRow[]> {
  const r = await tx.query<MediationRow>(
    `select ${MEDIATION_COLUMNS} from dispute_mediations m left join accounts a on a.id = m.recorded_by
      where m.dispute_id = $1 order by m.seq`, [disputeId]);
  return r.rows;
}

export async function findMediation(tx: Tx, disputeId: string, mediationId: string): Promise<MediationRow | null> {
  const r = await tx.query<MediationRow>(
    `select ${MEDIATION_COLUMNS} from dispute_mediations m left join accounts a on a.id = m.recorded_by
      where m.dispute_id = $1 and m.id = $2`, [disputeId, mediationId]);
  return r.rows[0] ?? null;
}

/** The session an earlier request with this Idempotency-Key recorded (any dispute: the key is unique). */
export async function findMediationByKey(tx: Tx, key: string): Promise<{ id: string; dispute_id: string } | null> {
  const r = await tx.query<{ id: string; dispute_id: string }>(
    `select id, dispute_id from dispute_mediations where idempotency_key = $1`, [key]);
  return r.rows[0] ?? null;
}

/** The latest session with an agreement (the one GET …/agreement gives without mediationId). */
export async function latestAgreement(tx: Tx, disputeId: string): Promise<MediationRow | null> {
  const r = await tx.query<MediationRow>(
    `select ${MEDIATION_COLUMNS} from dispute_mediations m left join accounts a on a.id = m.recorded_by
      where m.dispute_id = $1 and m.agreement_number is not null order by m.seq desc limit 1`, [disputeId]);
  return r.rows[0] ?? null;
}

export interface NewMediation {
  disputeId: string;
  at: Date;
  place: string;
  mediator: { kind: MediatorKind; name: string; accountId: string | null };
  attendees: { name: string; partySeq: number | null }[];
  statements: { partySeq: number; said: string }[];
  agreed: string | null;
  terms: string[];
  outcome: MediationOutcome;
  agreementNumber: string | null;
  recordedBy: string;
  idempotencyKey: string | null;
  createdAt: Date;
}

/** Inserts the session with the next seq of the dispute (the caller holds the dispute's row lock). */
export async function insertMediation(tx: Tx, m: NewMediation): Promise<{ id: string; seq: number }> {
  const r = await tx.query<{ id: string; seq: number }>(
    `insert into dispute_mediations (dispute_id, seq, at, place, mediator, attendees, statements, agreed, terms, outcome,
       agreement_number, recorded_by, idempotency_key, created_at)
     values ($1, coalesce((select max(seq) from dispute_mediations where dispute_id = $1), 0) + 1, $2, $3, $4, $5, $6, $7,
       $8, $9, $10, $11, $12, $13)
     returning id, seq`,
    [m.disputeId, m.at, m.place, JSON.stringify(m.mediator), JSON.stringify(m.attendees), JSON.stringify(m.statements),
      m.agreed, JSON.stringify(m.terms), m.outcome, m.agreementNumber, m.recordedBy, m.idempotencyKey, m.createdAt]);
  return r.rows[0]!;
}

export async function setSignedScan(tx: Tx, mediationId: string, fileHash: string, at: Date): Promise<void> {
  await tx.query(`update dispute_mediations set signed_scan_hash = $2, signed_at = $3 where id = $1`, [mediationId, fileHash, at]);
}

/** A dispute's follow-ups, oldest first. */
export async function listFollowUps(tx: Tx, disputeId: string): Promise<FollowUpRow[]> {
  const r = await tx.query<FollowUpRow>(
    `select f.*, a.name as by_name from dispute_follow_ups f left join accounts a on a.id = f.by_account
      where f.dispute_id = $1 order by f.at, f.created_at`, [disputeId]);
  return r.rows;
}

export async function insertFollowUp(tx: Tx, f: {
  disputeId: string; at: Date; method: FollowUpMethod; holds: boolean; note: string | null; by: string; createdAt: Date;
}): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `insert into dispute_follow_ups (dispute_id, at, method, holds, note, by_account, created_at)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [f.disputeId, f.at, f.method, f.holds, f.note, f.by, f.createdAt]);
  return r.rows[0]!.id;
}

// ---------------------------------------------------------------- presenters

const iso = (d: Date | string) => new Date(d).toISOString();

/** Opens a sealed attendee name ('' when it cannot be opened); a value written in the clear is returned as is. */
export function openName(pii: PiiCipher, v: string): string {
  return isSealed(v) ? (pii.tryDecrypt(v) ?? '') : v;
}

/**
 * A session as the dispute detail shows it. `partiesWhole`: the reader sees the parties whole (an unmasked read by
 * DISPUTE_HANDLERS of the scope); otherwise attendees' names are masked (张*) as the parties' are.
 */
export function presentMediation(m: MediationRow, o: { pii: PiiCipher; partiesWhole: boolean }): MediationViewT {
  return {
    id: m.id,
    seq: m.seq,
    at: iso(m.at),
    place: m.place,
    mediator: { kind: m.mediator.kind, name: m.mediator.name, accountId: m.mediator.accountId ?? null },
    attendees: m.attendees.map((a) => {
      const name = openName(o.pii, a.name);
      return { name: o.partiesWhole ? name : maskName(name), partySeq: a.partySeq ?? null };
    }),
    statements: m.statements.map((s) => ({ partySeq: s.partySeq, said: s.said })),
    agreed: m.agreed,
    terms: m.terms,
    outcome: m.outcome,
    agreement: m.agreement_number === null ? null : {
      number: m.agreement_number,
      signedScanHash: m.signed_scan_hash,
      signedAt: m.signed_at === null ? null : iso(m.signed_at),
    },
    recordedById: m.recorded_by,
    recordedByName: m.recorded_by_name,
    createdAt: iso(m.created_at),
  };
}

export function presentFollowUp(f: FollowUpRow): FollowUpViewT {
  return {
    id: f.id,
    at: iso(f.at),
    method: f.method,
    holds: f.holds,
    note: f.note,
    byId: f.by_account,
    byName: f.by_name,
    createdAt: iso(f.created_at),
  };
}

/** The two lists the dispute detail shows, presented (H2's presenter calls this inside its read). */
export async function loadMediationParts(tx: Tx, disputeId: string, o: { pii: PiiCipher; partiesWhole: boolean }): Promise<{
  mediations: MediationViewT[]; followUps: FollowUpViewT[];
}> {
  const [ms, fs] = [await listMediations(tx, disputeId), await listFollowUps(tx, disputeId)];
  return { mediations: ms.map((m) => presentMediation(m, o)), followUps: fs.map(presentFollowUp) };
}
