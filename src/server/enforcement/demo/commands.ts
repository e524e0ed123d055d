import type { Static } from '@sinclair/typebox';
import type { Db } from '../../platform/db/db.ts';
import type { Principal } from '../../platform/auth.ts';
import type { IntakeServices } from '../../cases/report-case.ts';
import type { EnforcementAction } from '../../../shared/enforcement.ts';
import type { EnforcementActionBodies, OpenCaseInput, SubjectInput } from '../schemas.ts';
import type { PlanInspectionBody, RecordInspectionBody } from '../inspection-schemas.ts';
import { openEnforcementCase } from '../open-case.ts';
import { applyEnforcementAction } from '../case-actions.ts';
import { planInspection } from '../plan-inspection.ts';
import { recordInspection } from '../record-inspection.ts';

/*
 * The enforcement commands as the demo calls them: the same functions the routes call, with the demo principal, the
 * instant and a request key (the Idempotency-Key a phone would send). One place that knows their signatures.
 */

const IP = '127.0.0.1';

export type SubjectInputT = Static<typeof SubjectInput>;

export interface EnforcementCommands {
  open(p: Principal, body: OpenCaseInput, at: Date, key: string): Promise<string>;
  act<A extends EnforcementAction>(p: Principal, id: string, action: A, body: EnforcementActionBodies[A], at: Date, key: string): Promise<unknown>;
  planInspection(p: Principal, body: PlanInspectionBody, at: Date, key: string): Promise<string>;
  /** answers the enforcement case the results opened, if any */
  recordInspection(p: Principal, id: string, body: RecordInspectionBody, at: Date, key: string): Promise<string | null>;
}

export function enforcementCommands(db: Db, services: IntakeServices): EnforcementCommands {
  return {
    open: async (p, body, at, key) => (await openEnforcementCase(db, services, p, body, at, key)).id,
    act: (p, id, action, body, at, key) => applyEnforcementAction(db, p, id, action, body, at, key, { calendar: services.calendar, ip: IP }),
    planInspection: async (p, body, at, key) =>
      (await planInspection(db, services, { accountId: p.accountId, name: p.name, scopePath: p.scopePath, ip: IP }, body, at, key)).inspectionId,
    recordInspection: async (p, id, body, at, key) => (await recordInspection(db, services, p, id, body, at, key, IP)).openedCase?.id ?? null,
  };
}
