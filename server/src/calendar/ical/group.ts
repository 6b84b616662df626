/** Events as the series they form: each master with its overrides; an override without its master stands alone. */
import type { EventData } from './types.js';

export interface SeriesGroup {
  series: EventData;
  overrides: EventData[];
}

export function groupSeries(events: EventData[]): SeriesGroup[] {
  const groups = new Map<string, SeriesGroup>();
  for (const event of events) {
    if (event.recurrenceId === null) groups.set(event.uid, { series: event, overrides: groups.get(event.uid)?.overrides ?? [] });
  }
  const orphans: SeriesGroup[] = [];
  for (const event of events) {
    if (event.recurrenceId === null) continue;
    const group = groups.get(event.uid);
    if (group) group.overrides.push(event);
    else orphans.push({ series: event, overrides: [] });
  }
  return [...groups.values(), ...orphans];
}
