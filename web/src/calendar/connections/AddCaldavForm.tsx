import { CreateCaldavConnectionInput } from '@atom/contracts';
import { Alert, Button, Group, PasswordInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type SubmitEvent } from 'react';
import { ApiError } from '../../app/api';
import { notifyError, notifySuccess } from '../../app/notify';
import { useAddCaldav } from './caldav-api';

type Field = 'url' | 'username' | 'password';

/** URL, username and password; the server checks them by discovering the calendars before storing anything. */
export function AddCaldavForm() {
  const add = useAddCaldav();
  const [values, setValues] = useState<Record<Field, string>>({ url: '', username: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);

  const set = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setFieldErrors((e) => ({ ...e, [field]: undefined }));
    setProblem(null);
  };

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = CreateCaldavConnectionInput.safeParse({ ...values, url: values.url.trim(), username: values.username.trim() });
    if (!parsed.success) {
      const next: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) next[issue.path[0] as Field] ??= `${issue.path[0] === 'url' ? 'URL' : issue.path[0] === 'username' ? 'Username' : 'Password'} ${issue.message}`;
      setFieldErrors(next);
      return;
    }
    add.mutate(parsed.data, {
      onSuccess: (connection) => {
        setValues({ url: '', username: '', password: '' });
        notifySuccess(`Found ${connection.calendars.length} calendar${connection.calendars.length === 1 ? '' : 's'}. Choose which to sync.`, 'Account connected');
      },
      onError: (error) => {
        if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
          // The server's words are the clearest here: "401 Unauthorized: wrong username or password".
          setFieldErrors({ url: error.fields.url, username: error.fields.username, password: error.fields.password });
          setProblem(
            error.fields.password
              ? 'The server did not accept this username and password.'
              : error.fields.url
                ? 'Atom could not reach a CalDAV server at this address.'
                : error.message,
          );
        } else notifyError(error, 'Could not connect');
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Connect a CalDAV account">
      <Stack gap="md">
        {problem && (
          <Alert variant="light" color="red" icon={<IconAlertCircle size={18} />} title="Could not connect" data-testid="caldav-add-error">
            {problem}
          </Alert>
        )}
        <TextInput
          label="Server URL"
          description="Your provider’s CalDAV address, e.g. https://caldav.fastmail.com/ or https://cloud.example.com/remote.php/dav/"
          placeholder="https://"
          type="url"
          required
          value={values.url}
          onChange={(e) => set('url')(e.currentTarget.value)}
          error={fieldErrors.url}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label="Username"
            autoComplete="off"
            required
            value={values.username}
            onChange={(e) => set('username')(e.currentTarget.value)}
            error={fieldErrors.username}
          />
          <PasswordInput
            label="Password"
            description="An app-specific password where your provider offers one."
            autoComplete="new-password"
            required
            value={values.password}
            onChange={(e) => set('password')(e.currentTarget.value)}
            error={fieldErrors.password}
            inputWrapperOrder={['label', 'input', 'error', 'description']}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={add.isPending}>
            Connect account
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
