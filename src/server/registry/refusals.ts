import { AppError } from '../platform/errors.ts';
import { idNumberProblemMessage, type IdNumberProblem } from '../../domain/registry/id-number.ts';

/* The registry's refusals, each with a code and a message in both languages. */

export const invalid = (en: string, zh: string, details?: unknown) => new AppError('REGISTRY_INVALID', en, zh, details);

export function idNumberInvalid(problem: IdNumberProblem): AppError {
  const m = idNumberProblemMessage(problem);
  return new AppError('ID_NUMBER_INVALID', m.en, m.zh, { problem, message: m });
}

/** A duplicate ID number: the existing record's id only when the caller may see it. */
export const idNumberTaken = (existingId: string | null) => new AppError('ID_NUMBER_TAKEN',
  'A resident with this ID number is registered already.', '该身份证号已登记过居民。', existingId ? { existingId } : undefined);

export const stale = () => new AppError('CONFLICT',
  'Someone else changed this record meanwhile: reload it and try again.', '该记录已被他人修改，请刷新后重试。');

export const phoneInvalid = () => invalid('The phone number is neither a mobile nor a landline with its area code.',
  '电话号码格式不正确（应为手机号或带区号的固话）。', { field: 'phone' });

/** Whether an error is PostgreSQL's unique violation of this index. */
export function isUniqueViolation(e: unknown, index: string): boolean {
  const err = e as { code?: string; constraint?: string; message?: string };
  return err?.code === '23505' && (err.constraint === index || (err.message ?? '').includes(index));
}
