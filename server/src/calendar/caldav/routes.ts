import { CaldavConnection, CaldavConnectionList, CaldavLog, CaldavSyncResult, CreateCaldavConnectionInput, IdParams, UpdateCaldavConnectionInput } from '@atom/contracts';
import { route, type RouteDef } from '../../platform/http/route.js';
import { connectionLog, createConnection, deleteConnection, listConnections, syncNow, updateConnection } from './connections.js';

const tags = ['CalDAV'];
const base = '/api/v1/connections/caldav';

export const caldavRoutes: RouteDef[] = [
  route({
    method: 'POST',
    url: base,
    summary: 'Connect a CalDAV account and discover its calendars (a wrong password or unreachable URL answers 400 and stores nothing)',
    tags,
    auth: 'user',
    body: CreateCaldavConnectionInput,
    response: CaldavConnection,
    status: 201,
    handler: async ({ ctx, actor, body }) => createConnection(ctx, actor, body),
  }),
  route({ method: 'GET', url: base, summary: 'List CalDAV connections with their status and calendars', tags, auth: 'user', response: CaldavConnectionList, handler: async ({ ctx, actor }) => ({ items: await listConnections(ctx, actor) }) }),
  route({
    method: 'PATCH',
    url: `${base}/:id`,
    summary: "Choose which remote calendars to sync (each gets a new Atom calendar), the task calendar (a project's tasks sync there as VTODOs), or change the password",
    tags,
    auth: 'user',
    params: IdParams,
    body: UpdateCaldavConnectionInput,
    response: CaldavConnection,
    handler: async ({ ctx, actor, params, body }) => updateConnection(ctx, actor, params.id, body),
  }),
  route({
    method: 'POST',
    url: `${base}/:id/sync`,
    summary: 'Sync now, both ways; a failure marks the connection (status error) and queues a retry',
    tags,
    auth: 'user',
    params: IdParams,
    response: CaldavSyncResult,
    handler: async ({ ctx, actor, params }) => syncNow(ctx, actor, params.id),
  }),
  route({ method: 'GET', url: `${base}/:id/log`, summary: 'Sync log: conflicts and errors, newest first', tags, auth: 'user', params: IdParams, response: CaldavLog, handler: async ({ ctx, actor, params }) => ({ items: await connectionLog(ctx, actor, params.id) }) }),
  route({
    method: 'DELETE',
    url: `${base}/:id`,
    summary: 'Disconnect; the Atom calendars it filled stay as local calendars',
    tags,
    auth: 'user',
    params: IdParams,
    response: null,
    handler: async ({ ctx, actor, params }) => deleteConnection(ctx, actor, params.id),
  }),
];
