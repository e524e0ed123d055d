// The wall screen's calls: the summary (everything the first paint shows) and the children's tiles with their outlines.
import { api } from '../../lib/api.ts';
import type * as s from '../../../server/screen/screen-schemas.ts';

export type ScreenSummary = s.ScreenSummary;
export type ScreenCase = s.ScreenCase;
export type ScreenAlarm = s.ScreenAlarm;
export type ScreenIncident = s.ScreenIncident;
export type ScreenFeedItem = s.ScreenFeedItem;
export type ScreenChild = s.ScreenChild;
export type ScreenRankingRow = s.ScreenRankingRow;
export type ScreenChildren = s.ScreenChildren;
export type ScreenChildTile = s.ScreenChildTile;

export const fetchScreenSummary = (orgUnitId: string | null, signal?: AbortSignal) =>
  api<ScreenSummary>('/api/screen/summary', { query: { orgUnitId: orgUnitId ?? undefined }, signal });

export const fetchScreenChildren = (orgUnitId: string, signal?: AbortSignal) =>
  api<ScreenChildren>('/api/screen/children', { query: { orgUnitId }, signal });
