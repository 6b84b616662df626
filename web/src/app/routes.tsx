import { createBrowserRouter, Navigate } from 'react-router';
import { LoginPage } from '../auth/LoginPage';
import { SignupPage } from '../auth/SignupPage';
import { calendarRoute } from '../calendar/routes';
import { financeRoute } from '../finance/routes';
import { HomePage } from '../home/HomePage';
import { SettingsPage } from '../settings/SettingsPage';
import { tasksRoute } from '../tasks/routes';
import { NotBuiltYetPage } from '../ui/NotBuiltYetPage';
import { NotFoundPage } from '../ui/NotFoundPage';
import { RouteErrorPage } from '../ui/RouteErrorPage';
import { areas } from './areas';
import { RequireAuth } from './RequireAuth';
import { AppLayout } from './shell/AppLayout';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
  { path: '/signup', element: <SignupPage />, errorElement: <RouteErrorPage /> },
  {
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <HomePage /> },
      // Areas get their own folders and routes as they are built; until then they explain themselves.
      calendarRoute,
      tasksRoute,
      financeRoute,
      ...areas.filter((area) => !area.built).map((area) => ({ path: area.path, element: <NotBuiltYetPage area={area} /> })),
      { path: '/settings', element: <Navigate to="/settings/profile" replace /> },
      { path: '/settings/:section', element: <SettingsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
