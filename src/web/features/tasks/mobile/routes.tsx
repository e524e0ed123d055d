// Routes of the grid worker's phone app (照单履职), for the app router to mount among the signed-in pages: today's
// list, a task, the visit form (from a task or from a household file), and the outbox.
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../../lib/lazyPage.ts';

export const mobileTaskRoutes: RouteObject[] = [
  { path: 'm/tasks', lazy: lazyPage(() => import('./TaskListPage.tsx'), 'TaskListPage') },
  { path: 'm/tasks/outbox', lazy: lazyPage(() => import('./OutboxPage.tsx'), 'OutboxPage') },
  { path: 'm/tasks/:id', lazy: lazyPage(() => import('./TaskPage.tsx'), 'TaskPage') },
  { path: 'm/tasks/:id/visit', lazy: lazyPage(() => import('./VisitPage.tsx'), 'TaskVisitPage') },
  { path: 'm/visits/new', lazy: lazyPage(() => import('./VisitPage.tsx'), 'NewVisitPage') },
];
