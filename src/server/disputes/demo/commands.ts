import type { Db } from '../../platform/db/db.ts';
import type { Principal } from '../../platform/auth.ts';
import type { PiiCipher } from '../../platform/pii-cipher.ts';
import type { Static } from '@sinclair/typebox';
import type * as s from '../schemas.ts';
import type { AttachSignedInput, CreateSweepInput, FollowUpInput, RecordMediationInput, SweepReportInput } from '../mediation-schemas.ts';
import type { GridLocatorCache } from '../../org/locator-cache.ts';
import type { WorkingCalendarCache } from '../../calendar/calendar-cache.ts';
import { recordMediation } from '../record-mediation.ts';
import { followUp } from '../follow-up.ts';
import { attachSigned } from '../attach-signed.ts';
import { registerDispute } from '../register-dispute.ts';
import { pushDispute } from '../push-dispute.ts';
import { changeTier, closeDispute, litigate, reassessRisk, replyToReferral } from '../dispute-actions.ts';
import { reopenDispute } from '../reopen-dispute.ts';
import { createSweep, reportSweep } from '../sweeps.ts';

/*
 * The disputes' commands as the demo calls them: the same functions the routes call, with the demo principal, the
 * instant and a request key (the Idempotency-Key a phone would send). One place that knows their signatures.
 */

const IP = '127.0.0.1';

export interface DisputeCommands {
  register(p: Principal, body: Static<typeof s.RegisterDisputeBody>, at: Date, key: string): Promise<{ id: string }>;
  mediate(p: Principal, id: string, body: RecordMediationInput, at: Date, key: string): Promise<{ mediationId: string; agreementNumber: string | null }>;
  attachSigned(p: Principal, id: string, body: AttachSignedInput, at: Date, key: string): Promise<unknown>;
  followUp(p: Principal, id: string, body: FollowUpInput, at: Date, key: string): Promise<unknown>;
  push(p: Principal, id: string, body: Static<typeof s.PushBody>, at: Date, key: string): Promise<unknown>;
  reply(p: Principal, id: string, body: Static<typeof s.ReplyBody>, at: Date, key: string): Promise<unknown>;
  litigate(p: Principal, id: string, body: Static<typeof s.LitigateBody>, at: Date, key: string): Promise<unknown>;
  changeTier(p: Principal, id: string, body: Static<typeof s.ChangeTierBody>, at: Date, key: string): Promise<unknown>;
  assessRisk(p: Principal, id: string, body: Static<typeof s.AssessRiskBody>, at: Date, key: string): Promise<unknown>;
  close(p: Principal, id: string, body: Static<typeof s.CloseBody>, at: Date, key: string): Promise<unknown>;
  reopen(p: Principal, id: string, body: Static<typeof s.ReopenBody>, at: Date, key: string): Promise<{ id: string }>;
  createSweep(p: Principal, body: CreateSweepInput, at: Date, key: string): Promise<string>;
  reportSweep(p: Principal, sweepId: string, body: SweepReportInput, at: Date): Promise<unknown>;
}

/** The core routes scope the Idempotency-Key to the caller before the commands see it (the mediation ones do it inside). */
const scoped = (p: Principal, key: string) => `${p.accountId}:${key}`;

export function disputeCommands(db: Db, services: { pii: PiiCipher; locator: GridLocatorCache; calendar: WorkingCalendarCache }): DisputeCommands {
  const { pii } = services;
  const o = (p: Principal, at: Date, key: string) => ({ requestKey: scoped(p, key), ip: IP, now: at });
  return {
    register: (p, body, at, key) => registerDispute(db, services, p, body, at, { requestKey: scoped(p, key), ip: IP }),
    mediate: (p, id, body, at, key) => recordMediation(db, pii, p, id, body, at, key, IP),
    attachSigned: (p, id, body, at, key) => attachSigned(db, p, id, body, at, key, IP),
    followUp: (p, id, body, at, key) => followUp(db, p, id, body, at, key, IP),
    push: async (p, id, body, at, key) => pushDispute(db, p, id, body, await services.calendar.current(), o(p, at, key)),
    reply: (p, id, body, at, key) => replyToReferral(db, p, id, body, o(p, at, key)),
    litigate: (p, id, body, at, key) => litigate(db, p, id, body, o(p, at, key)),
    changeTier: (p, id, body, at, key) => changeTier(db, p, id, body, o(p, at, key)),
    assessRisk: (p, id, body, at, key) => reassessRisk(db, p, id, body, o(p, at, key)),
    close: async (p, id, body, at, key) => closeDispute(db, p, id, body, await services.calendar.current(), o(p, at, key)),
    reopen: (p, id, body, at, key) => reopenDispute(db, services, p, id, body, at, { requestKey: scoped(p, key), ip: IP }),
    createSweep: async (p, body, at, key) => (await createSweep(db, p, body, at, key, IP)).id,
    reportSweep: (p, sweepId, body, at) => reportSweep(db, p, sweepId, body, at, IP),
  };
}
