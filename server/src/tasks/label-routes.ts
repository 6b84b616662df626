import {
  CreateFilterInput,
  CreateLabelInput,
  IdParams,
  Label,
  LabelList,
  SavedFilter,
  SavedFilterList,
  UpdateFilterInput,
  UpdateLabelInput,
} from '@atom/contracts';
import { route, type RouteDef } from '../platform/http/route.js';
import { createFilter, deleteFilter, listFilters, updateFilter } from './filters.js';
import { createLabel, deleteLabel, listLabels, updateLabel } from './labels.js';

export const labelRoutes: RouteDef[] = [
  route({ method: 'GET', url: '/api/v1/labels', summary: 'List labels', tags: ['Labels'], auth: 'user', response: LabelList, handler: async ({ ctx, actor }) => ({ items: await listLabels(ctx, actor) }) }),
  route({ method: 'POST', url: '/api/v1/labels', summary: 'Create a label', tags: ['Labels'], auth: 'user', body: CreateLabelInput, response: Label, status: 201, handler: async ({ ctx, actor, body }) => createLabel(ctx, actor, body) }),
  route({ method: 'PATCH', url: '/api/v1/labels/:id', summary: 'Rename or recolour a label', tags: ['Labels'], auth: 'user', params: IdParams, body: UpdateLabelInput, response: Label, handler: async ({ ctx, actor, params, body }) => updateLabel(ctx, actor, params.id, body) }),
  route({ method: 'DELETE', url: '/api/v1/labels/:id', summary: 'Delete a label (tasks keep existing)', tags: ['Labels'], auth: 'user', params: IdParams, response: null, handler: async ({ ctx, actor, params }) => deleteLabel(ctx, actor, params.id) }),
  route({ method: 'GET', url: '/api/v1/filters', summary: 'List saved filters', tags: ['Filters'], auth: 'user', response: SavedFilterList, handler: async ({ ctx, actor }) => ({ items: await listFilters(ctx, actor) }) }),
  route({ method: 'POST', url: '/api/v1/filters', summary: 'Save a filter', tags: ['Filters'], auth: 'user', body: CreateFilterInput, response: SavedFilter, status: 201, handler: async ({ ctx, actor, body }) => createFilter(ctx, actor, body) }),
  route({ method: 'PATCH', url: '/api/v1/filters/:id', summary: 'Rename or change a saved filter', tags: ['Filters'], auth: 'user', params: IdParams, body: UpdateFilterInput, response: SavedFilter, handler: async ({ ctx, actor, params, body }) => updateFilter(ctx, actor, params.id, body) }),
  route({ method: 'DELETE', url: '/api/v1/filters/:id', summary: 'Delete a saved filter', tags: ['Filters'], auth: 'user', params: IdParams, response: null, handler: async ({ ctx, actor, params }) => deleteFilter(ctx, actor, params.id) }),
];
