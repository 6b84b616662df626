import type { CalendarSettings, UpdateCalendarSettingsInput } from '@atom/contracts';
import { Select, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../app/api';
import { notifyError } from '../app/notify';
import { SettingsCard } from '../settings/SettingsCard';

const KEY = ['calendar-settings'] as const;
const LEADS = [0, 5, 10, 15, 30, 60, 120, 1440].map((m) => ({
  value: String(m),
  label: m === 0 ? 'When it starts' : m < 60 ? `${m} minutes before` : m === 1440 ? 'A day before' : `${m / 60} hour${m === 60 ? '' : 's'} before`,
}));

/** When `event.starting` fires for automations: the user's lead time (an event's own reminders fire it too). */
export function CalendarSettingsSection() {
  const client = useQueryClient();
  const settings = useQuery({ queryKey: KEY, queryFn: () => api<CalendarSettings>('GET', '/calendar/settings') });
  const save = useMutation({
    meta: { handlesErrors: true },
    mutationFn: (input: UpdateCalendarSettingsInput) => api<CalendarSettings>('PATCH', '/calendar/settings', input),
    onSuccess: (data) => client.setQueryData(KEY, data),
    onError: (e) => notifyError(e, 'Could not save the calendar settings'),
  });
  const current = settings.data ? String(settings.data.eventStartingLeadMinutes) : null;
  const choices = current && !LEADS.some((l) => l.value === current) ? [...LEADS, { value: current, label: `${current} minutes before` }] : LEADS;
  return (
    <SettingsCard title="Calendar" description="For automations that act before your events.">
      <Stack gap="xs" maw={420}>
        <Select
          label="“Event starting” fires"
          data={choices}
          value={current}
          disabled={!settings.isSuccess}
          onChange={(v) => v !== null && save.mutate({ eventStartingLeadMinutes: Number(v) })}
          allowDeselect={false}
        />
        <Text size="xs" c="dimmed">
          Each occurrence of every event fires it once at this time, and again at each of the event’s own reminders.
        </Text>
      </Stack>
    </SettingsCard>
  );
}
