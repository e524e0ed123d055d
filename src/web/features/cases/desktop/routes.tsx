// Routes of the desktop case pages, mounted inside the desktop shell.
import type { RouteObject } from 'react-router';
import { WorkbenchPage } from './WorkbenchPage.tsx';
import { InboxPage } from './InboxPage.tsx';
import { IntakePage } from './IntakePage.tsx';

export const desktopCaseRoutes: RouteObject[] = [
  { path: 'cases/workbench', element: <WorkbenchPage /> },
  { path: 'cases/inbox', element: <InboxPage /> },
  { path: 'cases/intake', element: <IntakePage /> },
];
