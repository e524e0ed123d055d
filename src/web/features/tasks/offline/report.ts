// A case report (随手拍) made without a network: queued with the key the report page made for it, its photos as blobs.
import type { ReportInput } from '../../cases/api.ts';
import { enqueue, splitPhotos, startOutbox } from './outbox.ts';
import type { OutboxItem } from './outbox-db.ts';

export function queueReport(input: ReportInput, idempotencyKey: string, subject: string, accountId: string): Promise<OutboxItem> {
  startOutbox(accountId);
  const { uploaded, local } = splitPhotos(input.photos ?? []);
  const { photos: _, ...rest } = input;
  return enqueue({
    kind: 'report', path: '/api/cases', key: idempotencyKey, subject,
    body: { ...rest, ...(uploaded.length ? { photos: uploaded } : {}) }, photos: local,
  });
}

/** A report made now would not reach the server: no network, or a photo that could only be kept on the phone. */
export const reportMustWait = (photos: readonly string[]) => !navigator.onLine || photos.some((h) => h.startsWith('local:'));
