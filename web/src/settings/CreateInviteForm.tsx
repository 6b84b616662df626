import { CreateInviteInput, type CreatedInvite } from '@atom/contracts';
import { Button, Group, TextInput } from '@mantine/core';
import { IconLink } from '@tabler/icons-react';
import { useState, type SubmitEvent } from 'react';
import { useFormErrors } from '../ui/use-form-errors';
import { useCreateInvite } from './invites-api';
import classes from './settings.module.css';

const labels = { email: 'Email' };

export function CreateInviteForm({ onCreated }: { onCreated: (invite: CreatedInvite) => void }) {
  const create = useCreateInvite();
  const [email, setEmail] = useState('');
  const errors = useFormErrors(labels);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The email is optional and only a reminder of who the link is for.
    const input = errors.validate(CreateInviteInput, email.trim() ? { email } : {});
    if (!input) return;
    create.mutate(input, {
      onSuccess: (invite) => {
        setEmail('');
        onCreated(invite);
      },
      onError: (error) => errors.handle(error),
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Create an invitation">
      <Group align="flex-start" gap="sm" className={classes.inlineForm}>
        <TextInput
          label="Email (optional)"
          type="email"
          placeholder="friend@example.com"
          description="A reminder of who the link is for."
          className={classes.inlineField}
          value={email}
          onChange={(e) => {
            setEmail(e.currentTarget.value);
            errors.clear('email');
          }}
          error={errors.fieldErrors.email}
        />
        <Button type="submit" leftSection={<IconLink size={16} />} loading={create.isPending} className={classes.inlineButton}>
          Create invitation link
        </Button>
      </Group>
    </form>
  );
}
