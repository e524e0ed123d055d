import type { Static } from '@sinclair/typebox';
import type { thingsNear } from '../../domain/registry/thing-reach.ts';
import { inReach, type Reach } from './reach.ts';
import type { CaseThing as CaseThingSchema, NearThings } from './thing-cases-schemas.ts';
import type { NearThingRow, ThingSummaryRow } from './thing-cases-store.ts';

export type CaseThing = Static<typeof CaseThingSchema>;

/**
 * The thing a case was reported at, as the case's reader sees it: its name and kind to whoever sees the case; its risk
 * level, and the link to its page (`policies: ['read']`), to a registry reader whose territory holds it.
 */
export function presentCaseThing(t: ThingSummaryRow, reader: Reach | null): CaseThing {
  const reads = reader !== null && inReach(reader, t);
  return { id: t.id, name: t.name, kind: t.kind, riskLevel: reads ? t.risk_level : null, policies: reads ? ['read'] : [] };
}

/** The things near a point a report may be made at, nearest first, and the one intake suggests for the category. */
export function presentNearThings(near: ReturnType<typeof thingsNear<NearThingRow & { location: { lng: number; lat: number } }>>, suggestedId: string | null, max: number): Static<typeof NearThings> {
  return { items: near.slice(0, max).map((t) => ({ id: t.id, name: t.name, kind: t.kind, distanceM: t.distanceM })), suggestedId };
}
