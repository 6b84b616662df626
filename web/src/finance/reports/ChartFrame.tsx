import { Card, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './reports.module.css';

interface Props {
  id: string;
  title: string;
  /** What the chart shows, in words, for screen readers (the chart itself is a picture). */
  summary: string;
  chart: ReactNode;
  /** Above the chart: what changes it. */
  controls?: ReactNode;
  children?: ReactNode;
}

/** A titled chart: the figure is labelled by its title and described by a sentence of what it shows. */
export function ChartFrame({ id, title, summary, chart, controls, children }: Props) {
  return (
    <Card withBorder radius="lg" padding="md" component="section" aria-labelledby={`${id}-title`}>
      <Title order={2} size="h5" id={`${id}-title`}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" id={`${id}-summary`} mb="sm">
        {summary}
      </Text>
      {controls}
      <figure className={classes.figure} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`} data-testid={`chart-${id}`}>
        {chart}
      </figure>
      {children}
    </Card>
  );
}
