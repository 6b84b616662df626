import { Center, Loader } from '@mantine/core';
import type { RouteObject } from 'react-router';

/** The Calendar area's route; FullCalendar and the page load on first visit (their own chunk). */
export const calendarRoute: RouteObject = {
  path: '/calendar',
  lazy: async () => ({ Component: (await import('./CalendarPage')).CalendarPage }),
  hydrateFallbackElement: (
    <Center py="xl">
      <Loader size="sm" type="dots" aria-label="Loading calendar" />
    </Center>
  ),
};
