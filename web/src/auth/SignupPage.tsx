import { Anchor, Button, Skeleton, Stack, Text } from '@mantine/core';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useAuthConfig, useMe } from '../app/auth';
import { FullPageLoader } from '../ui/FullPageLoader';
import { AuthLayout } from './AuthLayout';
import { SignupForm } from './SignupForm';

const loginFooter = (
  <>
    Already have an account?{' '}
    <Anchor component={Link} to="/login" fw={500}>
      Log in
    </Anchor>
  </>
);

/**
 * Who may sign up decides what this page says: the very first visitor creates the administrator,
 * an invitation link carries its token in `?invite=`, and otherwise the server's mode applies.
 */
export function SignupPage() {
  const me = useMe();
  const config = useAuthConfig();
  const [params] = useSearchParams();
  const inviteToken = params.get('invite') ?? undefined;

  if (me.isPending) return <FullPageLoader />;
  if (me.data) return <Navigate to="/" replace />;

  if (!config.data) {
    return (
      <AuthLayout title="Create your account" footer={loginFooter}>
        <Stack gap="md" aria-busy="true" aria-label="Loading">
          <Skeleton height={56} />
          <Skeleton height={56} />
          <Skeleton height={56} />
          <Skeleton height={36} />
        </Stack>
      </AuthLayout>
    );
  }

  const { signup, hasUsers } = config.data;

  if (!hasUsers) {
    return (
      <AuthLayout
        title="Create the administrator account"
        subtitle="Welcome to your new Atom server. This first account administers it and can invite other people."
      >
        <SignupForm submitLabel="Create administrator account" />
      </AuthLayout>
    );
  }

  if (inviteToken) {
    return (
      <AuthLayout title="Join Atom" subtitle="You have been invited to this Atom server. Create your account to accept." footer={loginFooter}>
        <SignupForm inviteToken={inviteToken} submitLabel="Create account" />
      </AuthLayout>
    );
  }

  if (signup === 'open') {
    return (
      <AuthLayout title="Create your account" footer={loginFooter}>
        <SignupForm submitLabel="Create account" />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={signup === 'invite' ? 'This server is by invitation' : 'Sign-up is closed'} footer={null}>
      <Stack gap="md">
        <Text size="sm">
          {signup === 'invite'
            ? 'New accounts on this Atom server need an invitation. Ask the administrator for an invitation link, then open it to create your account.'
            : 'This Atom server does not accept new accounts. If you should have one, ask the administrator.'}
        </Text>
        <Button component={Link} to="/login" variant="default" fullWidth>
          Log in instead
        </Button>
      </Stack>
    </AuthLayout>
  );
}
