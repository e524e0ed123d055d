import type { MatterRow } from './store.ts';
import { matterPolicies } from '../../domain/matters/policies.ts';

/** A matter version with what the caller may do to it (`editor`: the caller edits this town's catalog, `editsCatalog`). */
export function presentMatter(m: MatterRow, editor: boolean) {
  return {
    id: m.id, townId: m.town_id, code: m.code, version: m.version, current: m.current, name: m.name, class: m.class,
    list: m.list, tier: m.tier, postCode: m.post_code, postName: m.post_name ?? null, departmentName: m.department_name, sla: m.sla,
    escalateAfterH: m.escalate_after_h === null ? null : Number(m.escalate_after_h), onSpot: m.on_spot, urgent: m.urgent,
    duplicateRadiusM: m.duplicate_radius_m, retired: m.retired_at !== null, createdAt: m.created_at.toISOString(),
    policies: matterPolicies({ current: m.current, retired: m.retired_at !== null }, editor),
  };
}
