import { LoginInput } from '@atom/contracts';
import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type SubmitEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useAuthConfig, useLogin, useMe } from '../app/auth';
import { safeNextPath } from '../app/next-path';
import { FullPageLoader } from '../ui/FullPageLoader';
import { useFormErrors } from '../ui/use-form-errors';
import { AuthLayout } from './AuthLayout';

const labels = { email: 'Email', password: 'Password' };

export function LoginPage() {
  const me = useMe();
  const config = useAuthConfig();
  const login = useLogin();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errors = useFormErrors(labels);

  if (me.isPending) return <FullPageLoader />;
  // Signed in already, or just now: the session query updates on success and this redirects.
  if (me.data) return <Navigate to={next} replace />;

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = errors.validate(LoginInput, { email, password });
    if (!input) return;
    login.mutate(input, { onError: (error) => errors.handle(error, ['invalid_credentials', 'rate_limited']) });
  };

  const firstRun = config.data?.hasUsers === false;
  const canSignUp = config.data?.signup === 'open';

  return (
    <AuthLayout
      title="Log in to Atom"
      footer={
        canSignUp && !firstRun ? (
          <>
            New here?{' '}
            <Anchor component={Link} to="/signup" fw={500}>
              Create an account
            </Anchor>
          </>
        ) : null
      }
    >
      {firstRun && (
        <Alert variant="light" color="indigo" title="This server has no accounts yet" mb="lg">
          The first account becomes the administrator.{' '}
          <Anchor component={Link} to="/signup" fw={600}>
            Create the administrator account
          </Anchor>
        </Alert>
      )}
      <form onSubmit={submit} noValidate aria-label="Log in">
        <Stack gap="md">
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(e) => {
              setEmail(e.currentTarget.value);
              errors.clear('email');
            }}
            error={errors.fieldErrors.email}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => {
              setPassword(e.currentTarget.value);
              errors.clear('password');
            }}
            error={errors.fieldErrors.password}
          />
          {errors.formError && (
            <Alert variant="light" color="red" icon={<IconAlertCircle size={18} />} role="alert" py="xs">
              {errors.formError}
            </Alert>
          )}
          <Button type="submit" fullWidth loading={login.isPending} mt={4}>
            Log in
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
