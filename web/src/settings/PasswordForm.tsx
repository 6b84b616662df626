import { ChangePasswordInput } from '@atom/contracts';
import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useState, type ChangeEvent, type SubmitEvent } from 'react';
import { useUser } from '../app/auth';
import { notifySuccess } from '../app/notify';
import { useFormErrors } from '../ui/use-form-errors';
import { useChangePassword } from './profile-api';
import { SettingsCard } from './SettingsCard';

const labels = { currentPassword: 'Current password', newPassword: 'New password', confirm: 'Confirmation' };
const empty = { currentPassword: '', newPassword: '', confirm: '' };

export function PasswordForm() {
  const user = useUser();
  const change = useChangePassword();
  const [values, setValues] = useState(empty);
  const errors = useFormErrors(labels);

  const set = (key: keyof typeof empty) => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setValues((prev) => ({ ...prev, [key]: value }));
    errors.clear(key);
  };

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = errors.validate(ChangePasswordInput, values);
    if (!input) return;
    if (values.confirm !== values.newPassword) {
      errors.setFieldErrors({ confirm: 'The confirmation does not match the new password' });
      return;
    }
    change.mutate(input, {
      onSuccess: () => {
        setValues(empty);
        notifySuccess('Other devices where you were logged in have been logged out.', 'Password changed');
      },
      onError: (error) => errors.handle(error),
    });
  };

  return (
    <SettingsCard title="Password" description="Changing it logs you out everywhere else.">
      <form onSubmit={submit} noValidate aria-label="Change password">
        <Stack gap="md" maw={420}>
          {/* Lets password managers tie the new password to the right account. */}
          <input type="email" autoComplete="username" value={user.email} hidden readOnly />
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            required
            value={values.currentPassword}
            onChange={set('currentPassword')}
            error={errors.fieldErrors.currentPassword}
          />
          <PasswordInput
            label="New password"
            description="At least 8 characters."
            autoComplete="new-password"
            required
            value={values.newPassword}
            onChange={set('newPassword')}
            error={errors.fieldErrors.newPassword}
          />
          <PasswordInput
            label="Confirm new password"
            autoComplete="new-password"
            required
            value={values.confirm}
            onChange={set('confirm')}
            error={errors.fieldErrors.confirm}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </SettingsCard>
  );
}
