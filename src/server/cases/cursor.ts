import { AppError } from '../platform/errors.ts';

// A case list's keyset cursor: the last row's creation time and id, opaque to clients (newest first, then by id).

export const encodeCaseCursor = (last: { created_at: Date; id: string }): string =>
  Buffer.from(`${last.created_at.toISOString()}|${last.id}`).toString('base64url');

export function decodeCaseCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = new Date(at ?? '');
  if (!id || id.length > 64 || !/^[0-9a-f-]+$/.test(id) || Number.isNaN(date.getTime())) {
    throw new AppError('VALIDATION_FAILED', 'The cursor is not one this API handed out.', '分页游标无效。');
  }
  return { at: date, id };
}
