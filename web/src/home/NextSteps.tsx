import { Kbd, Paper, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { IconBook2, IconChevronRight, IconKey, IconUserPlus, type Icon } from '@tabler/icons-react';
import { Link } from 'react-router';
import { modKeyLabel } from '../ui/platform';
import classes from './home.module.css';

interface Step {
  icon: Icon;
  title: string;
  text: string;
  to: string;
  /** Pages outside the app (the API reference) load as documents, not in-app routes. */
  external?: boolean;
}

/** Things that already work today, so the first visit leads somewhere real. */
export function NextSteps({ isAdmin }: { isAdmin: boolean }) {
  const steps: Step[] = [
    ...(isAdmin
      ? [{ icon: IconUserPlus, title: 'Invite people', text: 'Send someone a link to create their own account.', to: '/settings/invitations' }]
      : []),
    { icon: IconKey, title: 'Create an access token', text: 'Let scripts and other apps use Atom as you.', to: '/settings/tokens' },
    { icon: IconBook2, title: 'Read the API reference', text: 'Every endpoint, with its inputs and answers.', to: '/api/docs', external: true },
  ];

  return (
    <section aria-labelledby="next-heading">
      <Title order={2} size="h3" id="next-heading" mb="md">
        Available now
      </Title>
      <Paper withBorder className={classes.steps}>
        {steps.map((step) => {
          const StepIcon = step.icon;
          const content: ReactNode = (
            <>
              <ThemeIcon size={34} radius="md" variant="default" aria-hidden>
                <StepIcon size={18} stroke={1.75} />
              </ThemeIcon>
              <Stack gap={0} className={classes.stepText}>
                <Text fw={600} size="sm" c="bright">
                  {step.title}
                </Text>
                <Text size="sm" c="dimmed">
                  {step.text}
                </Text>
              </Stack>
              <IconChevronRight size={16} className={classes.stepChevron} aria-hidden />
            </>
          );
          return step.external ? (
            <UnstyledButton key={step.title} component="a" href={step.to} className={classes.step}>
              {content}
            </UnstyledButton>
          ) : (
            <UnstyledButton key={step.title} component={Link} to={step.to} className={classes.step}>
              {content}
            </UnstyledButton>
          );
        })}
      </Paper>
      <Text size="sm" c="dimmed" mt="md" className={classes.tip}>
        Tip: press <Kbd size="xs">{modKeyLabel}</Kbd> <Kbd size="xs">K</Kbd> to jump anywhere, and <Kbd size="xs">?</Kbd> to
        see every shortcut.
      </Text>
    </section>
  );
}
