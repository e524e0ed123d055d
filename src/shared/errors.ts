import { CASE_REFUSAL_STATUS } from './cases.ts';

/** Every machine-readable error code of the API and the HTTP status it maps to. */
export const ERROR_STATUS = {
  ...CASE_REFUSAL_STATUS,
  CATEGORY_UNKNOWN: 422,
  PHOTO_UNKNOWN: 422,
  ASSIGNEE_UNKNOWN: 422,
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  BAD_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  LOCATION_OUTSIDE_GRIDS: 422,
  GEOMETRY_REJECTED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ApiErrorBody {
  error: { code: ErrorCode | string; message: string; messageZh?: string; details?: unknown };
}
