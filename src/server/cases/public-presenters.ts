import type { ClockSet } from '../../domain/sla/clocks.ts';
import type { MatterRow } from '../matters/store.ts';
import type { TownRow } from '../org/town-store.ts';
import { presentDeadlines, presentDuplicates } from './presenters.ts';
import type { ReportResult } from './report-case.ts';
import type { CaseRow, EventRow } from './store.ts';

/** The categories a resident may report in a town: those raised by machines (sensors, other platforms) are left out. */
export function presentPublicMatters(town: TownRow, matters: readonly MatterRow[]) {
  return {
    town: { id: town.id, name: town.name },
    items: matters.filter((m) => m.machine_source === null).map((m) => ({ code: m.code, name: m.name, class: m.class, onSpot: m.on_spot, urgent: m.urgent })),
  };
}

/** The rating as the reporter gave it: not who recorded it (a revisit is entered by staff), nor how. */
function publicSatisfaction(stored: CaseRow['satisfaction']) {
  const s = stored as { score: number; label: string; comment?: string | null } | null;
  return s && { score: s.score, label: s.label, comment: s.comment ?? null };
}

/** A case as its reporter tracks it without an account: no staff names, no assignee. */
export function presentPublicTrack(row: CaseRow, events: readonly EventRow[], now: Date) {
  return {
    number: row.number, status: row.status, categoryName: row.category_name, description: row.description,
    address: row.address, createdAt: row.created_at.toISOString(),
    deadlines: presentDeadlines(row.clocks as ClockSet, now),
    satisfaction: publicSatisfaction(row.satisfaction),
    timeline: events.map((e) => ({ at: e.at.toISOString(), action: e.action, to: e.to_status })),
  };
}

/** What an anonymous reporter gets back: the number to track the case with, and how many similar cases are near (not which). */
export function presentPublicReceipt(row: CaseRow, duplicates: ReportResult['duplicates']) {
  return { number: row.number, status: row.status, createdAt: row.created_at.toISOString(), ...presentDuplicates(duplicates, false) };
}
