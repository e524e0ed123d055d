// Small geometry helpers for the map: bounds and a label point of a feature (shared with the server), short grid names.
export { boundsOf, labelPoint, type Bounds } from '../../../shared/geometry.ts';

/** "春晖社区第1网格" shows as "第1网格" inside its community. */
export function shortGridName(name: string, communityName: string | undefined): string {
  return communityName && name.startsWith(communityName) && name.length > communityName.length ? name.slice(communityName.length) : name;
}
