import { UpdateProfileInput } from '@atom/contracts';
import { Anchor, Badge, Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState, type ReactNode, type SubmitEvent } from 'react';
import { useUser } from '../app/auth';
import { notifySuccess } from '../app/notify';
import { DateText } from '../ui/DateText';
import { deviceTimeZone, timeZoneOptions } from '../ui/time-zones';
import { useFormErrors } from '../ui/use-form-errors';
import { useUpdateProfile } from './profile-api';
import { SettingsCard } from './SettingsCard';

const labels = { name: 'Name', timeZone: 'Time zone' };

function ReadOnlyField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={4} miw={0}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Text size="sm" component="div" miw={0}>
        {children}
      </Text>
    </Stack>
  );
}

export function ProfileForm() {
  const user = useUser();
  const update = useUpdateProfile();
  const [name, setName] = useState(user.name);
  const [timeZone, setTimeZone] = useState(user.timeZone);
  const errors = useFormErrors(labels);
  const zones = useMemo(() => timeZoneOptions(timeZone), [timeZone]);
  const device = deviceTimeZone();
  const changed = name.trim() !== user.name || timeZone !== user.timeZone;

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = errors.validate(UpdateProfileInput, { name, timeZone });
    if (!input) return;
    update.mutate(input, {
      onSuccess: (saved) => {
        setName(saved.name);
        setTimeZone(saved.timeZone);
        notifySuccess('Your profile is up to date.', 'Profile saved');
      },
      onError: (error) => errors.handle(error),
    });
  };

  return (
    <SettingsCard title="Profile" description="How you appear in Atom, and the time zone it plans your days in.">
      <form onSubmit={submit} noValidate aria-label="Profile">
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
            <ReadOnlyField label="Email">
              <Text size="sm" truncate="end" title={user.email}>
                {user.email}
              </Text>
            </ReadOnlyField>
            <ReadOnlyField label="Role">
              <Badge variant="light" color={user.role === 'admin' ? 'indigo' : 'gray'} radius="sm" tt="none" size="md">
                {user.role === 'admin' ? 'Administrator' : 'Member'}
              </Badge>
            </ReadOnlyField>
            <ReadOnlyField label="Member since">
              <DateText iso={user.createdAt} style="date" />
            </ReadOnlyField>
          </SimpleGrid>
          <Stack gap="md" maw={420}>
            <TextInput
              label="Name"
              autoComplete="name"
              required
              value={name}
              onChange={(e) => {
                setName(e.currentTarget.value);
                errors.clear('name');
              }}
              error={errors.fieldErrors.name}
            />
            <Select
              label="Time zone"
              description={
                timeZone === device ? (
                  'The same as this device.'
                ) : (
                  <>
                    This device is in {device}.{' '}
                    <Anchor component="button" type="button" size="xs" onClick={() => setTimeZone(device)}>
                      Use it
                    </Anchor>
                  </>
                )
              }
              data={zones}
              value={timeZone}
              onChange={(value) => {
                if (value) setTimeZone(value);
                errors.clear('timeZone');
              }}
              searchable
              allowDeselect={false}
              nothingFoundMessage="No such time zone"
              maxDropdownHeight={280}
              error={errors.fieldErrors.timeZone}
            />
          </Stack>
          <Group>
            <Button type="submit" disabled={!changed} loading={update.isPending}>
              Save profile
            </Button>
          </Group>
        </Stack>
      </form>
    </SettingsCard>
  );
}
