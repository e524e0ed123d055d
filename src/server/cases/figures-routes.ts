import type { FastifyInstance } from 'fastify';
import { STAFF_ROLES } from '../../shared/roles.ts';
import { shanghaiDate } from '../../domain/sla/working-calendar.ts';
import { todayWindow } from '../../domain/cases/list-window.ts';
import { requirePrincipal } from '../platform/auth.ts';
import { viewerOf } from './case-mapping.ts';
import { caseFigures } from './figures-store.ts';
import { presentFigures } from './presenters.ts';
import * as s from './schemas.ts';

/** 案卷总览: the figures of the leader's overview (and of any staff member's own cases). */
export async function caseFiguresRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/cases/figures', {
    config: { access: STAFF_ROLES },
    schema: {
      tags: ['cases'],
      summary: 'Figures of the cases in the caller\'s scope',
      description: 'The cases the caller may see (scope, posts, department, own reports), counted: open ones by the light of their worst running clock, overdue, escalated, by category and by board; and today\'s (Shanghai time) reports, acceptances (with the average time from report to acceptance) and closures.',
      response: { 200: s.CaseFigures },
    },
  }, async (req) => {
    const now = app.clock();
    return presentFigures(shanghaiDate(now), await caseFigures(app.db.reader, viewerOf(requirePrincipal(req)), todayWindow(now)));
  });
}
