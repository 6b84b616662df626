import { Stack } from '@mantine/core';
import { PasswordForm } from './PasswordForm';
import { ProfileForm } from './ProfileForm';

export function ProfileSection() {
  return (
    <Stack gap="lg">
      <ProfileForm />
      <PasswordForm />
    </Stack>
  );
}
