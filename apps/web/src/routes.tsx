import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import { useSession } from './session';

/** Pages outside sign-in wait for a session; without one, sign-in first and then back to the page asked for. */
function RequireSession({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (!user) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return children;
}

const page = (load: () => Promise<{ default: () => ReactNode }>) => async () => ({ Component: (await load()).default });

/** One chunk per page: the sign-in page loads only what it needs. */
export const router = createBrowserRouter([
  { path: '/login', lazy: page(() => import('./pages/Login')) },
  {
    path: '/',
    lazy: async () => {
      const { ConsoleLayout } = await import('./layout/ConsoleLayout');
      return {
        Component: () => (
          <RequireSession>
            <ConsoleLayout />
          </RequireSession>
        ),
      };
    },
    HydrateFallback: () => <Spin fullscreen />,
    children: [
      { index: true, lazy: page(() => import('./pages/Workbench')) },
      { path: 'password', lazy: page(() => import('./pages/Password')) },
      { path: 'notifications', lazy: page(() => import('./pages/Notifications')) },
      { path: 'my/training', lazy: page(() => import('./pages/MyTraining')) },
      { path: 'my/eligibility', lazy: page(() => import('./pages/MyEligibility')) },
      { path: 'my/school', lazy: page(() => import('./pages/MySchool')) },
      { path: 'quota', lazy: page(() => import('./pages/Quota')) },
      { path: 'training', lazy: page(() => import('./pages/Training')) },
      { path: 'staff-requests', lazy: page(() => import('./pages/StaffRequests')) },
      { path: 'rotation-plans', lazy: page(() => import('./pages/RotationPlans')) },
      { path: 'rotation-plans/:id', lazy: page(() => import('./pages/RotationPlanBuilder')) },
      { path: 'rotation-candidates', lazy: page(() => import('./pages/RotationCandidates')) },
      { path: 'transfers', lazy: page(() => import('./pages/Transfers')) },
      { path: 'shortages', lazy: page(() => import('./pages/Shortages')) },
      { path: 'schools', lazy: page(() => import('./pages/Schools')) },
      { path: 'schools/:id', lazy: page(() => import('./pages/SchoolDetail')) },
      { path: 'teachers', lazy: page(() => import('./pages/Teachers')) },
      { path: 'teachers/:id', lazy: page(() => import('./pages/TeacherDetail')) },
      { path: 'eligibility', lazy: page(() => import('./pages/Eligibility')) },
      { path: 'imports', lazy: page(() => import('./pages/Imports')) },
      { path: 'overview', lazy: page(() => import('./pages/Overview')) },
      { path: 'accounts', lazy: page(() => import('./pages/Accounts')) },
      { path: 'policy', lazy: page(() => import('./pages/Policy')) },
      { path: 'queue-dashboard', lazy: page(() => import('./pages/QueueDashboard')) },
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
]);
