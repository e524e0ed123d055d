// Routes of the partner pages (合作方通知, 平台接入), mounted inside the desktop shell.
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../../lib/lazyPage.ts';

export const desktopPartnerRoutes: RouteObject[] = [
  { path: 'partners/webhooks', lazy: lazyPage(() => import('./WebhooksPage.tsx'), 'WebhooksPage') },
  { path: 'partners/platforms', lazy: lazyPage(() => import('./PlatformsPage.tsx'), 'PlatformsPage') },
];
