import type { Db } from '../platform/db/db.ts';
import type { Principal } from '../platform/auth.ts';
import { addWorkingDays, type WorkingCalendar } from '../../domain/sla/working-calendar.ts';
import type { ReferralUnitKind } from '../../shared/disputes.ts';
import { actOnDispute } from './act.ts';
import { disputeInvalid } from './parties.ts';

export interface PushInput {
  unitKind: ReferralUnitKind;
  departmentId?: string | null | undefined;
  unitName?: string | null | undefined;
  dueDays: number;
  note?: string | null | undefined;
}

/**
 * 协同化解: pushes a dispute to a department of the town's district (its members then read the dispute and reply) or
 * to a unit of the 综治中心 named by kind and name (派出所, 司法所, 人民法庭, 信访办: staff record their replies), with
 * a deadline in working days. A department outside the district, or a unit without a name → 422 DISPUTE_INVALID.
 */
export async function pushDispute(db: Db, p: Principal, id: string, input: PushInput, calendar: WorkingCalendar,
  o: { requestKey: string | null; ip: string | null; now: Date }): Promise<{ repeated: boolean }> {
  return actOnDispute(db, p, id, 'push', o, async (tx, d) => {
    let departmentId: string | null = null;
    let unitName = input.unitName?.trim() ?? '';
    if (input.unitKind === 'department') {
      if (!input.departmentId) throw disputeInvalid('Name the department (departmentId).', '请选择协同部门。', { field: 'departmentId' });
      const dep = (await tx.query<{ id: string; name: string }>(
        `select d.id, d.name from departments d join org_units t on t.parent_id = d.district_id where d.id = $1 and t.id = $2`,
        [input.departmentId, d.town_id])).rows[0];
      if (!dep) throw disputeInvalid('No department of the town\'s district has this id.', '所选部门不属于本镇街所在区县。', { field: 'departmentId' });
      departmentId = dep.id;
      unitName = dep.name;
    } else if (unitName === '') {
      throw disputeInvalid('Name the unit the dispute is pushed to (unitName).', '请填写协同单位名称。', { field: 'unitName' });
    }
    const dueAt = addWorkingDays(o.now, input.dueDays, calendar);
    const note = input.note?.trim() || null;
    const r = await tx.query<{ id: string }>(
      `insert into dispute_referrals (dispute_id, unit_kind, department_id, unit_name, note, due_at, created_at, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
      [d.id, input.unitKind, departmentId, unitName, note, dueAt, o.now, p.accountId]);
    return {
      event: 'pushed', audit: 'dispute.push',
      data: { referralId: r.rows[0]!.id, unitKind: input.unitKind, departmentId, unitName, dueAt: dueAt.toISOString(), dueDays: input.dueDays, note },
    };
  });
}
