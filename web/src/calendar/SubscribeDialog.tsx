import { CreateSubscriptionInput } from '@atom/contracts';
import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { notifySuccess } from '../app/notify';
import { ColourSwatches, SWATCH_COLOURS } from '../ui/ColourSwatches';
import { useFormErrors } from '../ui/use-form-errors';
import { useSubscribe } from './calendar-api';

const labels = { url: 'Calendar URL', name: 'Name', color: 'Colour', refreshMinutes: 'Refresh' };

export const REFRESH_CHOICES = [
  { value: '15', label: 'Every 15 minutes' },
  { value: '60', label: 'Every hour' },
  { value: '360', label: 'Every 6 hours' },
  { value: '1440', label: 'Once a day' },
];

function Form({ suggestedColour, onClose }: { suggestedColour: string | undefined; onClose: () => void }) {
  const subscribe = useSubscribe();
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [color, setColor] = useState(suggestedColour ?? SWATCH_COLOURS[0]!.value);
  const [refreshMinutes, setRefreshMinutes] = useState('60');
  const errors = useFormErrors(labels);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = errors.validate(CreateSubscriptionInput, { url: url.trim(), ...(name.trim() ? { name: name.trim() } : {}), color, refreshMinutes: Number(refreshMinutes) });
    if (!input) return;
    subscribe.mutate(input, {
      onSuccess: (calendar) => {
        notifySuccess(`“${calendar.name}” is read-only here and follows the feed.`, 'Subscribed');
        onClose();
      },
      onError: (e) => errors.handle(e),
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Subscribe to a calendar">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Paste the address of a published calendar (.ics or webcal://): public holidays, a team’s rota, a sports fixture list. Atom
          fetches it now and then on a schedule; its events can be seen but not edited here.
        </Text>
        <TextInput
          label="Calendar URL"
          placeholder="https://example.org/holidays.ics"
          required
          data-autofocus
          value={url}
          onChange={(e) => {
            setUrl(e.currentTarget.value);
            errors.clear('url');
          }}
          error={errors.fieldErrors.url}
        />
        <TextInput label="Name" placeholder="The feed’s own name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.fieldErrors.name} />
        <ColourSwatches label="Colour" value={color} onChange={setColor} />
        <Select label="Refresh" data={REFRESH_CHOICES} value={refreshMinutes} onChange={(v) => setRefreshMinutes(v ?? '60')} allowDeselect={false} />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={subscribe.isPending}>
            Subscribe
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function SubscribeDialog({ opened, onClose, suggestedColour }: { opened: boolean; onClose: () => void; suggestedColour: string | undefined }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Subscribe to a calendar" centered size="md" radius="lg">
      {opened && <Form suggestedColour={suggestedColour} onClose={onClose} />}
    </Modal>
  );
}
