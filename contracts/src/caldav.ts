import { z } from 'zod';

export const CaldavRemoteCalendar = z
  .object({
    remoteUrl: z.string(),
    displayName: z.string(),
    color: z.string().nullable(),
    components: z.array(z.string()).describe('Component types the remote calendar holds, e.g. VEVENT, VTODO'),
    syncing: z.boolean(),
    localCalendarId: z.string().nullable().describe('The Atom calendar this remote calendar syncs into; null when not synced'),
    lastSyncAt: z.string().nullable(),
  })
  .meta({ id: 'CaldavRemoteCalendar' });
export type CaldavRemoteCalendar = z.infer<typeof CaldavRemoteCalendar>;

export const CaldavTaskCalendar = z
  .object({
    remoteUrl: z.string().describe('The remote calendar whose VTODOs are synced'),
    projectId: z.string().nullable().describe('The Atom project whose tasks sync there; null when the project was deleted (sync stopped)'),
    lastSyncAt: z.string().nullable(),
  })
  .meta({ id: 'CaldavTaskCalendar' });
export type CaldavTaskCalendar = z.infer<typeof CaldavTaskCalendar>;

export const CaldavConnection = z
  .object({
    id: z.string(),
    url: z.string(),
    username: z.string(),
    status: z.enum(['ok', 'error']).describe('error: the last sync failed (see lastError); a retry is queued'),
    lastError: z.string().nullable(),
    lastSyncAt: z.string().nullable(),
    syncIntervalMinutes: z.number().int().describe('Background sync runs this often (the scheduler also retries failures with backoff)'),
    nextSyncAt: z.string().nullable().describe('When the next background sync is due; null: at the next scheduler tick'),
    calendars: z.array(CaldavRemoteCalendar),
    taskCalendar: CaldavTaskCalendar.nullable().describe('Where tasks sync as VTODOs; null: tasks do not sync'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CaldavConnection' });
export type CaldavConnection = z.infer<typeof CaldavConnection>;
export const CaldavConnectionList = z.object({ items: z.array(CaldavConnection) }).meta({ id: 'CaldavConnectionList' });

const SyncInterval = z
  .number()
  .int({ error: 'must be a whole number of minutes' })
  .min(5, { error: 'must be at least 5 minutes' })
  .max(1440, { error: 'must be at most 1440 minutes (a day)' })
  .describe('Minutes between background syncs (default 15)');

export const CreateCaldavConnectionInput = z
  .object({
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000),
    username: z.string().min(1, { error: 'is required' }).max(200),
    password: z.string().min(1, { error: 'is required' }).max(1000),
    syncIntervalMinutes: SyncInterval.optional(),
  })
  .meta({ id: 'CreateCaldavConnectionInput' });
export type CreateCaldavConnectionInput = z.infer<typeof CreateCaldavConnectionInput>;

export const UpdateCaldavConnectionInput = z
  .object({
    calendars: z.array(z.object({ remoteUrl: z.string().min(1).max(2000), sync: z.boolean() })).max(200).optional(),
    password: z.string().min(1).max(1000).optional(),
    taskCalendar: z
      .strictObject({
        remoteUrl: z.string().min(1).max(2000).describe('A calendar of this connection whose components include VTODO: its remoteUrl, or its path (href)'),
        projectId: z.string().min(1).max(64).optional().describe('Defaults to the Inbox'),
      })
      .nullable()
      .optional()
      .describe('Sync the tasks of a project as VTODOs with this remote calendar; null stops task sync (tasks stay)'),
    syncIntervalMinutes: SyncInterval.optional(),
  })
  .meta({ id: 'UpdateCaldavConnectionInput' });
export type UpdateCaldavConnectionInput = z.infer<typeof UpdateCaldavConnectionInput>;

const Counts = z.object({ created: z.number().int(), updated: z.number().int(), deleted: z.number().int() });
export const CaldavSyncResult = z
  .object({ pulled: Counts, pushed: Counts, conflicts: z.number().int(), errors: z.number().int() })
  .meta({ id: 'CaldavSyncResult' });
export type CaldavSyncResult = z.infer<typeof CaldavSyncResult>;

export const CaldavLogEntry = z
  .object({
    id: z.string(),
    at: z.string(),
    kind: z.enum(['conflict', 'error', 'info']),
    message: z.string(),
    href: z.string().nullable(),
  })
  .meta({ id: 'CaldavLogEntry' });
export type CaldavLogEntry = z.infer<typeof CaldavLogEntry>;
export const CaldavLog = z.object({ items: z.array(CaldavLogEntry) }).meta({ id: 'CaldavLog' });
export type CaldavLog = z.infer<typeof CaldavLog>;
