import type { SlotLabelContentArg } from '@fullcalendar/core';
import { instantIn, timeIn } from '../ui/zoned';
import classes from './calendar.module.css';
import { zoneAbbreviation, zoneCity } from './view-zones';

/**
 * FullCalendar has one time axis; with a second zone each hour label carries both clocks, the
 * second one dimmed, and the corner above names the two zones. Offsets are those of `day`
 * (the first day shown), so a week that crosses a DST change shows the offset it started with.
 */
export function twoZoneAxis(viewZone: string, secondZone: string, day: string) {
  const noon = new Date(instantIn(day, '12:00', viewZone));
  const slotLabelContent = (arg: SlotLabelContentArg) => {
    // The label's date is 1970-01-01 plus the slot time, as a UTC-coerced wall time.
    const hhmm = arg.date.toISOString().slice(11, 16);
    const other = timeIn(instantIn(day, hhmm, viewZone), secondZone);
    return (
      <span className={classes.axisPair}>
        <span className={classes.axisSecond} data-testid="second-zone-label">
          {other}
        </span>
        <span className={classes.axisMain}>{hhmm}</span>
      </span>
    );
  };
  const weekNumberContent = () => (
    <span className={classes.axisPair} title={`${secondZone} · ${viewZone}`} data-testid="zone-corner">
      <span className={classes.axisSecond}>{zoneAbbreviation(secondZone, noon)}</span>
      <span className={classes.axisMain}>{zoneAbbreviation(viewZone, noon)}</span>
    </span>
  );
  return { slotLabelContent, weekNumberContent, label: `${zoneCity(secondZone)} and ${zoneCity(viewZone)}` };
}
