import { CreateCalendarInput } from '@atom/contracts';
import { Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { ColourSwatches, SWATCH_COLOURS } from '../ui/ColourSwatches';
import { useFormErrors } from '../ui/use-form-errors';
import { useCreateCalendar, useUpdateCalendar, type Calendar } from './calendar-api';

const labels = { name: 'Name', color: 'Colour' };

interface Props {
  opened: boolean;
  onClose: () => void;
  /** Rename and recolour this calendar; create a new one when absent. */
  calendar?: Calendar;
  /** A colour for a new calendar that the others do not use yet. */
  suggestedColour?: string;
}

function Form({ calendar, suggestedColour, onClose }: Omit<Props, 'opened'>) {
  const create = useCreateCalendar();
  const update = useUpdateCalendar();
  const [name, setName] = useState(calendar?.name ?? '');
  const [color, setColor] = useState(calendar?.color ?? suggestedColour ?? SWATCH_COLOURS[0]!.value);
  const [isDefault, setIsDefault] = useState(false);
  const errors = useFormErrors(labels);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = errors.validate(CreateCalendarInput, { name, color });
    if (!input) return;
    const done = { onSuccess: onClose, onError: (e: unknown) => errors.handle(e) };
    if (calendar) update.mutate({ id: calendar.id, changes: { name: input.name, color } }, done);
    else create.mutate({ ...input, ...(isDefault ? { isDefault } : {}) }, done);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={calendar ? 'Edit calendar' : 'New calendar'}>
      <Stack gap="md">
        <TextInput
          label="Name"
          placeholder="e.g. Family"
          required
          data-autofocus
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            errors.clear('name');
          }}
          error={errors.fieldErrors.name}
        />
        <ColourSwatches label="Colour" value={color} onChange={setColor} />
        {!calendar && (
          <Checkbox label="Put new events here by default" checked={isDefault} onChange={(e) => setIsDefault(e.currentTarget.checked)} />
        )}
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {calendar ? 'Save' : 'Create calendar'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function CalendarDialog({ opened, onClose, calendar, suggestedColour }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={calendar ? 'Edit calendar' : 'New calendar'} centered size="sm" radius="lg">
      {/* Mounted per opening, so the fields start from the calendar each time. */}
      {opened && <Form calendar={calendar} suggestedColour={suggestedColour} onClose={onClose} />}
    </Modal>
  );
}
