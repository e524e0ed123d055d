// 在部件处上报: the registered things near a report's point (the reader's reach, within 200 m) and the one intake
// suggests for the category. Types from the server's schemas (type-only imports).
import type { Static } from '@sinclair/typebox';
import { api } from '../../../lib/api.ts';
import type { CaseThing, NearThings } from '../../../../server/registry/thing-cases-schemas.ts';

export type NearThingList = Static<typeof NearThings>;
export type NearThing = NearThingList['items'][number];
export type CaseThingView = Static<typeof CaseThing>;

export function fetchNearThings(at: { lng: number; lat: number }, categoryCode: string | null | undefined, signal?: AbortSignal): Promise<NearThingList> {
  return api<NearThingList>('/api/registry/things/nearby', { query: { lng: at.lng, lat: at.lat, categoryCode: categoryCode || undefined }, signal });
}
