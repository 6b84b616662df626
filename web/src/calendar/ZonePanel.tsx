import { Anchor, Collapse, Group, Select, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useId, useMemo, useState } from 'react';
import { timeZoneOptions } from '../ui/time-zones';
import classes from './calendar.module.css';
import { zoneCity, type ViewZones } from './view-zones';

/**
 * Which zone the calendar shows times in, and an optional second zone beside the time axis.
 * On a phone it folds into one line, so the calendar itself stays near the top.
 */
export function ZonePanel({ zones, collapsible }: { zones: ViewZones; collapsible: boolean }) {
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  const { viewZone, secondZone } = zones;
  if (!collapsible) {
    return (
      <Stack gap="xs" component="section" aria-label="Time zones">
        <Title order={2} size="h5">
          Time zones
        </Title>
        <ZoneFields zones={zones} />
      </Stack>
    );
  }
  return (
    <section aria-label="Time zones">
      <UnstyledButton className={classes.zoneToggle} onClick={() => setOpen((v) => !v)} aria-expanded={open} aria-controls={bodyId}>
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" miw={0} truncate>
            <b>Time zone:</b> {zoneCity(viewZone)}
            {secondZone ? ` + ${zoneCity(secondZone)}` : ''}
          </Text>
          <IconChevronDown size={16} className={open ? classes.chevronOpen : undefined} aria-hidden />
        </Group>
      </UnstyledButton>
      <Collapse in={open} id={bodyId}>
        <Stack gap="xs" pt="xs">
          <ZoneFields zones={zones} />
        </Stack>
      </Collapse>
    </section>
  );
}

function ZoneFields({ zones }: { zones: ViewZones }) {
  const { viewZone, secondZone, profileZone, setViewZone, setSecondZone } = zones;
  const options = useMemo(() => timeZoneOptions(viewZone), [viewZone]);
  const secondOptions = useMemo(() => options.filter((z) => z !== viewZone), [options, viewZone]);

  return (
    <>
      <Select
        label="Show times in"
        size="sm"
        data={options}
        value={viewZone}
        onChange={(value) => value && setViewZone(value)}
        searchable
        allowDeselect={false}
        nothingFoundMessage="No such time zone"
        maxDropdownHeight={280}
        comboboxProps={{ withinPortal: true }}
        description={
          viewZone === profileZone ? (
            'Your profile’s zone.'
          ) : (
            <>
              Your profile says {profileZone}.{' '}
              <Anchor component="button" type="button" size="xs" onClick={() => setViewZone(profileZone)}>
                Use it
              </Anchor>
            </>
          )
        }
        data-testid="view-zone"
      />
      <Select
        label="Second time zone"
        size="sm"
        placeholder="None"
        data={secondOptions}
        value={secondZone}
        onChange={setSecondZone}
        searchable
        clearable
        nothingFoundMessage="No such time zone"
        maxDropdownHeight={280}
        comboboxProps={{ withinPortal: true }}
        description="Shown beside the hours in day and week views."
        data-testid="second-zone"
      />
    </>
  );
}
