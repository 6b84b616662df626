/** The Windows zone table. */
import { describe, expect, it } from 'vitest';
import { isTimeZone } from '../../platform/time/zone.js';
import { windowsZone, windowsZoneEntries } from './windows-zones.js';

describe('Windows zone names', () => {
  it('maps well over 25 ids, each to a zone Intl knows', () => {
    const entries = windowsZoneEntries();
    expect(entries.length).toBeGreaterThan(100);
    for (const [, iana] of entries) expect([iana, isTimeZone(iana)]).toEqual([iana, true]);
  });

  it('finds ids in any case and with stray spaces', () => {
    expect(windowsZone('W. Europe Standard Time')).toBe('Europe/Berlin');
    expect(windowsZone(' eastern standard time ')).toBe('America/New_York');
    expect(windowsZone('Europe/Berlin')).toBeNull();
  });
});
