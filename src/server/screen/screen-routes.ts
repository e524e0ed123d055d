import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { requirePrincipal } from '../platform/auth.ts';
import { SCREEN_VIEWERS, SCREEN_WINDOWS } from '../../shared/screen.ts';
import { ScreenChildren, ScreenQuery, ScreenSummary } from './screen-schemas.ts';
import { screenChildren, screenSummary, unitInScope } from './screen-summary.ts';

const W = SCREEN_WINDOWS;

/** 一屏统揽: the command screen's first paint and its drill-down tiles (live changes: GET /api/events). */
export async function screenRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/screen/summary', {
    config: { access: SCREEN_VIEWERS },
    schema: {
      summary: 'Command screen summary', tags: ['screen'], querystring: ScreenQuery, response: { 200: ScreenSummary },
      description: `Everything the command screen (大屏) and the leaders' phone screen show first, for \`orgUnitId\` (a unit inside the caller's scope, 404 outside; default the scope itself), in one answer: the unit with its bounding box and the breadcrumb from the caller's scope down to it; its children with open cases, red ones (the SLA light of their worst running clock) and standing alarms; the newest ${W.liveCases} open cases (number, category, status, light, point, grid, address — never the reporter); the newest ${W.alarms} uncleared alarms (type, level, the device's place — the grid when the device is bound to a person or household — never the person); the active incidents (${W.incidents}, the unit's and those of a unit holding it); the town's duty roster for the 24 hours from now (staff names, phones masked); today's figures against their targets and ${W.trendDays} days of trends from the indicators' roll-ups; the children's board (by this month's published stars, else by 结案率); and the newest ${W.feed} happenings. Every list is a fixed window, newest first. Live changes then come over GET /api/events (\`case\`, \`alarm\`, \`incident\` events).`,
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof ScreenQuery>;
    const unit = await unitInScope(app.db, p, q.orgUnitId);
    return screenSummary(app.db.reader, p, unit, app.clock(), app.pii);
  });

  app.get('/api/screen/children', {
    config: { access: SCREEN_VIEWERS },
    schema: {
      summary: 'Command screen drill-down tiles', tags: ['screen'], querystring: ScreenQuery, response: { 200: ScreenChildren },
      description: "The children of `orgUnitId` (a unit inside the caller's scope, 404 outside; default the scope itself) as the screen's drill-down tiles: each with its open and red cases, standing alarms, bounding box and outline (GeoJSON, WGS84).",
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof ScreenQuery>;
    const unit = await unitInScope(app.db, p, q.orgUnitId);
    return screenChildren(app.db.reader, unit);
  });
}
