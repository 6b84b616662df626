import { SignupInput } from '@atom/contracts';
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type ChangeEvent, type SubmitEvent } from 'react';
import { useSignup } from '../app/auth';
import { deviceTimeZone } from '../ui/time-zones';
import { useFormErrors } from '../ui/use-form-errors';

const labels = { name: 'Name', email: 'Email', password: 'Password' };

interface Props {
  inviteToken?: string;
  submitLabel: string;
}

export function SignupForm({ inviteToken, submitLabel }: Props) {
  const signup = useSignup();
  const [values, setValues] = useState({ name: '', email: '', password: '' });
  const errors = useFormErrors(labels);

  const field = (key: keyof typeof values) => ({
    value: values[key],
    error: errors.fieldErrors[key],
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setValues((prev) => ({ ...prev, [key]: value }));
      errors.clear(key);
    },
  });

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The device's zone gives "today" and times the right meaning from the first day on.
    const input = errors.validate(SignupInput, { ...values, inviteToken, timeZone: deviceTimeZone() });
    if (!input) return;
    // On success the session query updates and the page redirects home.
    signup.mutate(input, {
      onError: (error) => errors.handle(error, ['validation_failed', 'invite_required', 'signup_closed', 'rate_limited']),
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Create account">
      <Stack gap="md">
        <TextInput label="Name" autoComplete="name" required autoFocus {...field('name')} />
        <TextInput label="Email" type="email" autoComplete="email" required {...field('email')} />
        <PasswordInput
          label="Password"
          description="At least 8 characters. A long phrase is easier to remember than symbols."
          autoComplete="new-password"
          required
          {...field('password')}
        />
        {errors.formError && (
          <Alert variant="light" color="red" icon={<IconAlertCircle size={18} />} role="alert" py="xs">
            {errors.formError}
          </Alert>
        )}
        <Button type="submit" fullWidth loading={signup.isPending} mt={4}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
