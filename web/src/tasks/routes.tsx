import { Center, Loader } from '@mantine/core';
import { Navigate, type RouteObject } from 'react-router';

/**
 * The Tasks area's routes. Its screens load on first visit (their own chunks: the board's
 * drag and drop is not in the first download).
 */
export const tasksRoute: RouteObject = {
  path: '/tasks',
  lazy: async () => ({ Component: (await import('./TasksLayout')).TasksLayout }),
  // Shown while the area's code arrives on a first visit straight to a Tasks address.
  hydrateFallbackElement: (
    <Center py="xl">
      <Loader size="sm" type="dots" aria-label="Loading tasks" />
    </Center>
  ),
  children: [
    { index: true, element: <Navigate to="today" replace /> },
    { path: 'today', lazy: async () => ({ Component: (await import('./views/TodayView')).TodayView }) },
    { path: 'upcoming', lazy: async () => ({ Component: (await import('./views/UpcomingView')).UpcomingView }) },
    { path: 'inbox', lazy: async () => ({ Component: (await import('./views/ProjectView')).InboxRoute }) },
    { path: 'projects/:projectId', lazy: async () => ({ Component: (await import('./views/ProjectView')).ProjectRoute }) },
    { path: 'labels', lazy: async () => ({ Component: (await import('./views/LabelsView')).LabelsView }) },
    { path: 'labels/:name', lazy: async () => ({ Component: (await import('./views/LabelsView')).LabelView }) },
    { path: 'search', lazy: async () => ({ Component: (await import('./views/SearchView')).SearchView }) },
    { path: 'filters/:filterId', lazy: async () => ({ Component: (await import('./views/SearchView')).SavedFilterView }) },
    { path: '*', element: <Navigate to="today" replace /> },
  ],
};
