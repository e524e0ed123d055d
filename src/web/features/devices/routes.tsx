// Routes of the desktop device pages (设备管理, 设备详情, 告警规则), mounted inside the desktop shell.
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazyPage.ts';

export const desktopDeviceRoutes: RouteObject[] = [
  { path: 'devices', lazy: lazyPage(() => import('./DevicesPage.tsx'), 'DevicesPage') },
  { path: 'devices/:id', lazy: lazyPage(() => import('./DevicePage.tsx'), 'DevicePage') },
  { path: 'device-profiles', lazy: lazyPage(() => import('./ProfilesPage.tsx'), 'ProfilesPage') },
  { path: 'device-profiles/:id', lazy: lazyPage(() => import('./RuleEditorPage.tsx'), 'RuleEditorPage') },
];
