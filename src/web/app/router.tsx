// Routes: the login page, the desktop shell with its pages, and the mobile home.
import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router';
import { useAuth } from './auth.tsx';
import { homePath } from './nav.ts';
import { Shell } from './Shell.tsx';
import { FullPageSpin } from '../ui/FullPageSpin.tsx';
import { lazyPage } from '../lib/lazyPage.ts';
import { RouteError } from './RouteError.tsx';
import { LoginPage } from '../features/identity/LoginPage.tsx';
import { ForcedPasswordChangePage } from '../features/identity/ForcedPasswordChangePage.tsx';
import { mobileCaseRoutes, publicMobileCaseRoutes } from '../features/cases/mobile-routes.tsx';
import { desktopCaseRoutes } from '../features/cases/desktop/routes.tsx';
import { desktopRegistryRoutes } from '../features/registry/routes.tsx';
import { mobileRegistryRoutes } from '../features/registry/mobile/routes.tsx';
import { mobileTaskRoutes } from '../features/tasks/mobile/routes.tsx';
import { mobileAlarmRoutes } from '../features/alarms/mobile/routes.tsx';
import { desktopTaskRoutes } from '../features/tasks/desktop/routes.tsx';
import { desktopDutyRoutes } from '../features/duties/routes.tsx';
import { desktopDeviceRoutes } from '../features/devices/routes.tsx';
import { desktopAlarmRoutes } from '../features/alarms/routes.tsx';
import { desktopPartnerRoutes } from '../features/alarms/partners/routes.tsx';
import { desktopIncidentRoutes } from '../features/plans/incidents/routes.tsx';
import { desktopPlanRoutes } from '../features/plans/routes.tsx';
import { mobileIncidentRoutes } from '../features/plans/mobile/routes.tsx';
import { desktopDisputeRoutes } from '../features/disputes/routes.tsx';
import { mobileDisputeRoutes } from '../features/disputes/mobile/routes.tsx';
import { desktopEnforcementRoutes } from '../features/enforcement/routes.tsx';
import { mobileEnforcementRoutes } from '../features/enforcement/mobile/routes.tsx';
import { desktopPointsRoutes, mobilePeerReviewRoutes } from '../features/points/routes.tsx';
import { desktopVolunteerRoutes } from '../features/volunteers/routes.tsx';
import { mobileParticipationRoutes } from '../features/participation/mobile/routes.tsx';
import { mobilePointsRoutes } from '../features/points/mobile/routes.tsx';
import { mobileVolunteerRoutes } from '../features/volunteers/mobile/routes.tsx';
import { desktopAnalyticsRoutes } from '../features/analytics/routes.tsx';
import { mobileAnalyticsRoutes } from '../features/analytics/mobile/routes.tsx';
import { desktopParticipationRoutes } from '../features/participation/routes.tsx';
import { desktopIndicatorRoutes } from '../features/indicators/routes.tsx';
import { desktopRankingRoutes, mobileRankingRoutes } from '../features/rankings/routes.tsx';
import { desktopRatingRoutes, mobileRatingRoutes } from '../features/ratings/routes.tsx';
import { mobileScreenRoutes } from '../features/screen/mobile/routes.tsx';

function RequireAuth() {
  const { status, me } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <FullPageSpin />;
  if (status === 'signedOut') return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  // signed in with a one-time password: nothing else until the holder sets their own
  if (me?.mustChangePassword) return <ForcedPasswordChangePage />;
  return <Outlet />;
}

function Home() {
  const { me } = useAuth();
  return <Navigate to={me ? homePath(me) : '/login'} replace />;
}

// pages are loaded on first visit (see lazyPage); the spinner covers the first page's download
export const router = createBrowserRouter([
  {
    hydrateFallbackElement: <FullPageSpin />,
    errorElement: <RouteError />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/m/register', lazy: lazyPage(() => import('../features/identity/RegisterPage.tsx'), 'RegisterPage') },
      ...publicMobileCaseRoutes,
      {
        element: <RequireAuth />,
        children: [
          { index: true, element: <Home /> },
          { path: 'm', lazy: lazyPage(() => import('../features/org/MyGridPage.tsx'), 'MyGridPage') },
          ...mobileCaseRoutes,
          ...mobileRegistryRoutes,
          ...mobileTaskRoutes,
          ...mobileAlarmRoutes,
          ...mobileIncidentRoutes,
          ...mobileDisputeRoutes,
          ...mobileEnforcementRoutes,
          ...mobilePeerReviewRoutes,
          ...mobileParticipationRoutes,
          ...mobilePointsRoutes,
          ...mobileVolunteerRoutes,
          ...mobileAnalyticsRoutes,
          ...mobileRankingRoutes,
          ...mobileRatingRoutes,
          ...mobileScreenRoutes,
          // 指挥大屏: the command center's wall, full screen outside the shell
          { path: 'screen', lazy: lazyPage(() => import('../features/screen/ScreenPage.tsx'), 'ScreenPage') },
          {
            element: <Shell />,
            children: [{
              errorElement: <RouteError />, // a failing page keeps the shell and its menu
              children: [
                { path: 'org/map', lazy: lazyPage(() => import('../features/org/OrgMapPage.tsx'), 'OrgMapPage') },
                { path: 'org/boards', lazy: lazyPage(() => import('../features/org/BoardsPage.tsx'), 'BoardsPage') },
                { path: 'org/duty-roster', lazy: lazyPage(() => import('../features/org/DutyRosterPage.tsx'), 'DutyRosterPage') },
                ...desktopCaseRoutes,
                ...desktopRegistryRoutes,
                ...desktopTaskRoutes,
                ...desktopDutyRoutes,
                ...desktopDeviceRoutes,
                ...desktopAlarmRoutes,
                ...desktopPartnerRoutes,
                ...desktopIncidentRoutes,
                ...desktopPlanRoutes,
                ...desktopDisputeRoutes,
                ...desktopEnforcementRoutes,
                ...desktopPointsRoutes,
                ...desktopVolunteerRoutes,
                ...desktopAnalyticsRoutes,
                ...desktopParticipationRoutes,
                ...desktopIndicatorRoutes,
                ...desktopRankingRoutes,
                ...desktopRatingRoutes,
                { path: 'matters', lazy: lazyPage(() => import('../features/matters/MattersPage.tsx'), 'MattersPage') },
                { path: 'accounts', lazy: lazyPage(() => import('../features/identity/accounts/AccountsPage.tsx'), 'AccountsPage') },
                { path: 'calendar', lazy: lazyPage(() => import('../features/calendar/CalendarPage.tsx'), 'CalendarPage') },
                { path: 'audit', lazy: lazyPage(() => import('../features/audit/AuditPage.tsx'), 'AuditPage') },
                { path: 'reports', lazy: lazyPage(() => import('../features/reports/ReportsPage.tsx'), 'ReportsPage') },
              ],
            }],
          },
          { path: '*', element: <Home /> },
        ],
      },
    ],
  },
]);
