import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import type { Calendar, EventTime, Occurrence } from './calendar-api';
import { clockOf, describeSpan, REPEAT_OPTIONS } from './time';

export type EditorTarget =
  | { mode: 'create'; start: EventTime; end: EventTime }
  | { mode: 'edit'; occurrence: Occurrence; recurrence: string | null };

export interface EditorResult {
  title: string;
  location: string;
  calendarId: string;
  /** 'none' or an RRULE. */
  repeat: string;
  startTime: string;
  endTime: string;
}

interface Props {
  target: EditorTarget | null;
  calendars: Calendar[];
  timeZone: string;
  saving: boolean;
  onSave: (result: EditorResult) => void;
  onDelete: () => void;
  onClose: () => void;
}

/** The small editor for a new event (after a drag) or an existing one (after a click). */
export function QuickEditor(props: Props) {
  const { target, onClose } = props;
  return (
    <Modal opened={target !== null} onClose={onClose} title={target?.mode === 'edit' ? 'Edit event' : 'New event'} size="sm" centered>
      {target && <EditorForm key={target.mode === 'edit' ? target.occurrence.eventId : 'new'} {...props} target={target} />}
    </Modal>
  );
}

function repeatValue(recurrence: string | null): string {
  if (!recurrence) return 'none';
  const freq = /FREQ=(\w+)/.exec(recurrence)?.[1];
  return REPEAT_OPTIONS.find((o) => o.value === `FREQ=${freq}`)?.value ?? 'none';
}

function EditorForm({ target, calendars, timeZone, saving, onSave, onDelete, onClose }: Props & { target: EditorTarget }) {
  const editing = target.mode === 'edit' ? target.occurrence : null;
  const start = editing ? editing.start : target.mode === 'create' ? target.start : null;
  const end = editing ? editing.end : target.mode === 'create' ? target.end : null;
  const defaultCalendar = calendars.find((c) => c.isDefault) ?? calendars[0];
  const [title, setTitle] = useState(editing?.title ?? '');
  const [location, setLocation] = useState(editing?.location ?? '');
  const [calendarId, setCalendarId] = useState(editing?.calendarId ?? defaultCalendar?.id ?? '');
  const [repeat, setRepeat] = useState(target.mode === 'edit' ? repeatValue(target.recurrence) : 'none');
  const [startTime, setStartTime] = useState(start ? clockOf(start, timeZone) : '');
  const [endTime, setEndTime] = useState(end ? clockOf(end, timeZone) : '');
  const [error, setError] = useState<string | null>(null);
  const timed = start !== null && !('date' in start);

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!title.trim()) {
      setError('Give the event a title');
      return;
    }
    if (timed && startTime >= endTime) {
      setError(null);
      return;
    }
    onSave({ title: title.trim(), location, calendarId, repeat, startTime, endTime });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {start && end && (
          <Text size="sm" c="dimmed" data-testid="editor-when">
            {describeSpan(start, end, timeZone)}
          </Text>
        )}
        <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={error} data-autofocus required />
        {editing && <TextInput label="Location" value={location} onChange={(e) => setLocation(e.currentTarget.value)} />}
        {editing && timed && (
          <Group grow>
            <TextInput type="time" label="Starts" value={startTime} onChange={(e) => setStartTime(e.currentTarget.value)} />
            <TextInput
              type="time"
              label="Ends"
              value={endTime}
              onChange={(e) => setEndTime(e.currentTarget.value)}
              error={startTime >= endTime ? 'Ends before it starts' : undefined}
            />
          </Group>
        )}
        {!editing && (
          <Select
            label="Calendar"
            data={calendars.filter((c) => !c.readOnly).map((c) => ({ value: c.id, label: c.name }))}
            value={calendarId}
            onChange={(value) => value && setCalendarId(value)}
            allowDeselect={false}
          />
        )}
        <Select label="Repeat" data={REPEAT_OPTIONS} value={repeat} onChange={(value) => value && setRepeat(value)} allowDeselect={false} />
        <Group justify="space-between" mt="xs">
          {editing ? (
            <Button variant="subtle" color="red" onClick={onDelete}>
              Delete
            </Button>
          ) : (
            <span />
          )}
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              {editing ? 'Save' : 'Create event'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
