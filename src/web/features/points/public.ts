// What the volunteers pages use of the points pages: the community choice (fixed for community staff, a picker for the
// town's), the registry person picker, and a fresh Idempotency-Key.
export { newIdempotencyKey, PersonPicker, useCommunity, type PersonHit } from './parts.tsx';
