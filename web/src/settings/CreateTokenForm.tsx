import { CreateTokenInput, type CreatedToken } from '@atom/contracts';
import { Button, Group, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState, type SubmitEvent } from 'react';
import { useFormErrors } from '../ui/use-form-errors';
import { useCreateToken } from './tokens-api';
import classes from './settings.module.css';

const labels = { name: 'Name' };

export function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedToken) => void }) {
  const create = useCreateToken();
  const [name, setName] = useState('');
  const errors = useFormErrors(labels);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = errors.validate(CreateTokenInput, { name });
    if (!input) return;
    create.mutate(input, {
      onSuccess: (token) => {
        setName('');
        onCreated(token);
      },
      onError: (error) => errors.handle(error),
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Create a token">
      <Group align="flex-start" gap="sm" className={classes.inlineForm}>
        <TextInput
          label="Token name"
          placeholder="e.g. Home Assistant"
          description="So you can recognise it later."
          required
          className={classes.inlineField}
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            errors.clear('name');
          }}
          error={errors.fieldErrors.name}
        />
        <Button type="submit" leftSection={<IconPlus size={16} />} loading={create.isPending} className={classes.inlineButton}>
          Create token
        </Button>
      </Group>
    </form>
  );
}
