// Who will handle a report, and why, before it is sent: the routing preview of the API (signed in, or the public
// variant for the anonymous 随手拍), asked again a moment after the category or the place changes, and the sentences
// that say it in the reader's language (also for the drawer's "why this recommendation").
import { useEffect, useState } from 'react';
import type { Static } from '@sinclair/typebox';
import type { TFunction } from 'i18next';
import { api } from '../../lib/api.ts';
import { useApi, type Loaded } from '../../lib/useApi.ts';
import type * as s from '../../../server/cases/schemas.ts';
import type { LngLat } from './api.ts';
import './loop-locales.ts';

export type RoutingPreview = Static<typeof s.RoutingPreview>;
export type RouteReason = Static<typeof s.RouteReason>;

export const fetchRoutingPreview = (q: { categoryCode: string; at: LngLat }, anonymous: boolean, signal?: AbortSignal) =>
  api<RoutingPreview>(anonymous ? '/api/public/routing-preview' : '/api/cases/routing-preview', {
    query: { categoryCode: q.categoryCode, lng: q.at.lng.toFixed(7), lat: q.at.lat.toFixed(7) }, signal,
  });

/** The value a moment after it stops changing: a marker being dragged asks once, where it comes to rest. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The preview for a category at a place; nothing is asked until both are known. */
export function useRoutingPreview(categoryCode: string | null | undefined, at: LngLat | null | undefined, anonymous: boolean): Loaded<RoutingPreview> {
  const key = categoryCode && at ? `${categoryCode}|${at.lng.toFixed(6)}|${at.lat.toFixed(6)}` : null;
  const settled = useSettled(key, 350);
  return useApi(settled && categoryCode && at && settled === key
    ? (signal) => fetchRoutingPreview({ categoryCode, at }, anonymous, signal) : null, [settled]);
}

/** The target as a reader names it: its name, or (to residents, who are not told a person's name) its role. */
export function targetName(t: TFunction, p: RoutingPreview): string | null {
  if (!p.target) return null;
  return p.target.name ?? t('caseLoop.preview.gridWorker');
}

/** Why routing proposes whom it does, in the reader's language. */
export function reasonText(t: TFunction, r: RouteReason, matter: string, target: string | null, tier: string): string {
  const text = t(`caseLoop.reasons.${r.code}`, { matter, target: target ?? t('caseLoop.preview.gridWorker') });
  return r.escalated ? text + t('caseLoop.reasons.escalated', { tier: t(`caseLoop.tiers.${tier}`) }) : text;
}

type Verification = NonNullable<Static<typeof s.CaseDetail>['verification']>;

/** Who verifies a handled case, and that its handler may not: "核查人：社区工作人员、镇街调度员（处置人 李网格 不能核查自己的工作）". */
export function verificationText(t: TFunction, v: Verification): { by: string; notes: string[] } {
  const by = v.by.map((k) => t(`caseLoop.drawer.verifiers.${k}`)).join(t('caseLoop.drawer.separator'));
  const notes = [v.onSpot ? t('caseLoop.drawer.onSpot') : null, v.handledBy ? t('caseLoop.drawer.notBy', { name: v.handledBy }) : null];
  return { by, notes: notes.filter((n): n is string => n !== null) };
}
