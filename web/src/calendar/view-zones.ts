import { useCallback, useState } from 'react';
import { useUser } from '../app/auth';

interface Stored {
  /** null: follow the profile's zone (so changing it in Settings moves the calendar too). */
  view: string | null;
  second: string | null;
}

const keyFor = (userId: string) => `atom.calendar.zones.${userId}`;

function isZone(value: unknown): value is string {
  if (typeof value !== 'string' || value === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function read(userId: string): Stored {
  try {
    const raw = JSON.parse(localStorage.getItem(keyFor(userId)) ?? '{}') as Partial<Record<keyof Stored, unknown>>;
    return { view: isZone(raw.view) ? raw.view : null, second: isZone(raw.second) ? raw.second : null };
  } catch {
    return { view: null, second: null };
  }
}

/**
 * The zone the calendar is shown in (the profile's unless the viewer picked another) and an
 * optional second zone for the time axis, remembered per user on this device.
 */
export function useViewZones() {
  const user = useUser();
  const [stored, setStored] = useState<Stored>(() => read(user.id));

  const save = useCallback(
    (next: Stored) => {
      setStored(next);
      try {
        localStorage.setItem(keyFor(user.id), JSON.stringify(next));
      } catch {
        // Private mode or a full store: the choice lasts for this visit only.
      }
    },
    [user.id],
  );

  const viewZone = stored.view ?? user.timeZone;
  return {
    profileZone: user.timeZone,
    viewZone,
    secondZone: stored.second !== null && stored.second !== viewZone ? stored.second : null,
    setViewZone: (zone: string) => save({ ...stored, view: zone === user.timeZone ? null : zone }),
    setSecondZone: (zone: string | null) => save({ ...stored, second: zone }),
  };
}

export type ViewZones = ReturnType<typeof useViewZones>;

/** "GMT+1", "EST": the zone's short name on a given instant. */
export function zoneAbbreviation(timeZone: string, at: Date): string {
  const part = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** "New York" from "America/New_York": the city part, readable. */
export function zoneCity(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');
}
