import type { Static } from '@sinclair/typebox';
import type { ImportRow, RejectionRow } from './import-store.ts';
import type * as s from './import-schemas.ts';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function failureOf(stored: string | null): Static<typeof s.ImportSummary>['failure'] {
  if (!stored) return null;
  try {
    const f = JSON.parse(stored) as { code: string; zh: string; en: string };
    return { code: f.code, message: f.en, messageZh: f.zh };
  } catch {
    return { code: 'INTERNAL', message: stored, messageZh: stored };
  }
}

/** An import as its reader sees it; the report can be downloaded while the file is kept and some rows were refused. */
export function presentImportSummary(i: ImportRow, fileKept: boolean): Static<typeof s.ImportSummary> {
  return {
    id: i.id, kind: i.kind, mode: i.mode, format: i.format, status: i.status, fileName: i.file_name, total: i.total,
    processed: i.processed, accepted: i.accepted, rejectedCount: i.rejected_count, failure: failureOf(i.failure),
    createdByName: i.created_by_name, createdAt: iso(i.created_at)!, startedAt: iso(i.started_at), finishedAt: iso(i.finished_at),
    policies: fileKept && i.status === 'done' && i.rejected_count > 0 ? ['downloadReport'] : [],
  };
}

export function presentImport(i: ImportRow, rejected: readonly RejectionRow[], fileKept: boolean): Static<typeof s.ImportView> {
  return {
    ...presentImportSummary(i, fileKept),
    rejected: rejected.map((r) => ({ row: r.row_number, column: r.column_name, code: r.code, message: r.message_en, messageZh: r.message_zh })),
  };
}
