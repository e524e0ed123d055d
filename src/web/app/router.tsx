// Routes: the login page, the desktop shell with its pages, and the mobile home.
import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router';
import { useAuth } from './auth.tsx';
import { homePath } from './nav.ts';
import { Shell } from './Shell.tsx';
import { FullPageSpin } from '../ui/FullPageSpin.tsx';
import { LoginPage } from '../features/identity/LoginPage.tsx';
import { OrgMapPage } from '../features/org/OrgMapPage.tsx';
import { BoardsPage } from '../features/org/BoardsPage.tsx';
import { MyGridPage } from '../features/org/MyGridPage.tsx';
import { mobileCaseRoutes, publicMobileCaseRoutes } from '../features/cases/mobile-routes.tsx';
import { desktopCaseRoutes } from '../features/cases/desktop/routes.tsx';
import { MattersPage } from '../features/matters/MattersPage.tsx';
import { AccountsPage } from '../features/identity/accounts/AccountsPage.tsx';
import { AuditPage } from '../features/audit/AuditPage.tsx';

function RequireAuth() {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <FullPageSpin />;
  if (status === 'signedOut') return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return <Outlet />;
}

function Home() {
  const { me } = useAuth();
  return <Navigate to={me ? homePath(me) : '/login'} replace />;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  ...publicMobileCaseRoutes,
  {
    element: <RequireAuth />,
    children: [
      { index: true, element: <Home /> },
      { path: 'm', element: <MyGridPage /> },
      ...mobileCaseRoutes,
      {
        element: <Shell />,
        children: [
          { path: 'org/map', element: <OrgMapPage /> },
          { path: 'org/boards', element: <BoardsPage /> },
          ...desktopCaseRoutes,
          { path: 'matters', element: <MattersPage /> },
          { path: 'accounts', element: <AccountsPage /> },
          { path: 'audit', element: <AuditPage /> },
        ],
      },
      { path: '*', element: <Home /> },
    ],
  },
]);
