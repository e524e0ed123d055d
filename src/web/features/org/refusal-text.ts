// A refusal of an org change in the user's language, with the cases it names (a post's or a leaving worker's open cases).
import type { TFunction } from 'i18next';
import { ApiError, errorText } from '../../lib/api.ts';

export function refusalText(err: unknown, lang: string, t: TFunction): string {
  const cases = err instanceof ApiError ? (err.details as { cases?: unknown } | undefined)?.cases : undefined;
  const listed = Array.isArray(cases) && cases.length > 0 ? ` ${t('orgAdmin.posts.cases', { cases: cases.slice(0, 10).join('、') })}` : '';
  return `${errorText(err, lang)}${listed}`;
}
