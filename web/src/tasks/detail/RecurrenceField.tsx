import type { Task } from '@atom/contracts';
import { Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconRepeat } from '@tabler/icons-react';
import { useState } from 'react';
import { describeRule, presetLabel, presetOf, ruleForPreset, type RecurrencePreset } from '../rrule';

const PRESETS: RecurrencePreset[] = ['none', 'daily', 'weekdays', 'weekly', 'monthly', 'yearly', 'custom'];

interface Props {
  task: Task;
  /** The due date the presets are built around (today when the task has none). */
  anchorDate: string;
  error?: string;
  onSave: (input: { recurrence?: string | null; recurrenceFrom?: 'schedule' | 'completion' }) => void;
}

/** Repeat: a preset (every day, weekday, week on its weekday, month on its day, year) or any RRULE. */
export function RecurrenceField({ task, anchorDate, error, onSave }: Props) {
  const stored = presetOf(task.recurrence, anchorDate);
  const [custom, setCustom] = useState(stored === 'custom');
  const [rule, setRule] = useState(task.recurrence ?? '');
  const preset = custom ? 'custom' : stored;

  return (
    <Stack gap={6}>
      <Select
        label="Repeat"
        leftSection={<IconRepeat size={15} />}
        data={PRESETS.map((p) => ({ value: p, label: presetLabel(p, anchorDate) }))}
        value={preset}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
        onChange={(value) => {
          const next = (value ?? 'none') as RecurrencePreset;
          if (next === 'custom') {
            setCustom(true);
            return;
          }
          setCustom(false);
          const r = ruleForPreset(next, anchorDate);
          setRule(r ?? '');
          onSave({ recurrence: r });
        }}
        error={preset !== 'custom' ? error : undefined}
      />
      {preset === 'custom' && (
        <TextInput
          label="Rule (RRULE)"
          placeholder="FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH"
          value={rule}
          onChange={(e) => setRule(e.currentTarget.value)}
          onBlur={() => {
            const r = rule.trim() || null;
            if (r !== task.recurrence) onSave({ recurrence: r });
          }}
          error={error}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
      )}
      {task.recurrence && (
        <>
          <Text size="xs" c="dimmed">
            Repeats {describeRule(task.recurrence, task.recurrenceFrom)}
          </Text>
          <Switch
            size="xs"
            label="Repeat from completion"
            description="The next one is due counted from the day you complete it, not from the due date."
            checked={task.recurrenceFrom === 'completion'}
            onChange={(e) => onSave({ recurrenceFrom: e.currentTarget.checked ? 'completion' : 'schedule' })}
          />
        </>
      )}
    </Stack>
  );
}
