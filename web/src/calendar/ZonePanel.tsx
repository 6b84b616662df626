import { Anchor, Select, Stack, Title } from '@mantine/core';
import { useMemo } from 'react';
import { timeZoneOptions } from '../ui/time-zones';
import type { ViewZones } from './view-zones';

/** Which zone the calendar shows times in, and an optional second zone beside the time axis. */
export function ZonePanel({ zones }: { zones: ViewZones }) {
  const { viewZone, secondZone, profileZone, setViewZone, setSecondZone } = zones;
  const options = useMemo(() => timeZoneOptions(viewZone), [viewZone]);
  const secondOptions = useMemo(() => options.filter((z) => z !== viewZone), [options, viewZone]);

  return (
    <Stack gap="xs" component="section" aria-label="Time zones">
      <Title order={2} size="h5">
        Time zones
      </Title>
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
    </Stack>
  );
}
