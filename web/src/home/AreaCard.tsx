import { Card, Group, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Area } from '../app/areas';
import { NotBuiltBadge } from '../ui/NotBuiltBadge';
import classes from './home.module.css';

export function AreaCard({ area, extra }: { area: Area; extra?: ReactNode }) {
  const Icon = area.icon;
  return (
    <Card component={Link} to={area.path} className={classes.areaCard} padding="md">
      <Group gap="sm" wrap="nowrap" mb={10}>
        <ThemeIcon size={34} radius="md" variant="light" aria-hidden>
          <Icon size={19} stroke={1.75} />
        </ThemeIcon>
        <Text fw={600} size="md" c="bright" className={classes.areaTitle}>
          {area.label}
        </Text>
        {!area.built && <NotBuiltBadge />}
      </Group>
      <Text size="sm" c="dimmed" lh={1.5}>
        {area.summary}
      </Text>
      {extra}
    </Card>
  );
}
