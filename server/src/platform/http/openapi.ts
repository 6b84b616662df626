import { z } from 'zod';
import '@atom/contracts'; // registers the shared schemas (ErrorBody among them) as components
import { VERSION } from '../../version.js';
import type { RouteDef } from './route.js';

type JsonSchema = Record<string, unknown>;

const COMPONENT_PREFIX = '#/components/schemas/';

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  delete json.$schema;
  return json;
}

/**
 * Every schema registered with `.meta({ id })` becomes a component; references between them
 * point into components. Request bodies are rendered as inputs (before transforms), the rest
 * as outputs.
 */
function buildComponents(inputIds: Set<string>): Record<string, JsonSchema> {
  const render = (io: 'input' | 'output') =>
    (
      z.toJSONSchema(z.globalRegistry, {
        io,
        unrepresentable: 'any',
        target: 'draft-2020-12',
        uri: (id) => `${COMPONENT_PREFIX}${id}`,
      }) as { schemas: Record<string, JsonSchema> }
    ).schemas;
  const inputs = render('input');
  const outputs = render('output');
  const components: Record<string, JsonSchema> = {};
  for (const id of Object.keys(outputs)) {
    const schema = { ...(inputIds.has(id) ? inputs[id] : outputs[id]) };
    delete schema.$schema;
    delete schema.$id;
    components[id] = schema;
  }
  return components;
}

function schemaRef(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const id = z.globalRegistry.get(schema)?.id;
  return id ? { $ref: `${COMPONENT_PREFIX}${id}` } : toSchema(schema, io);
}

function parametersOf(schema: z.ZodType | undefined, location: 'path' | 'query') {
  if (!schema) return [];
  const json = toSchema(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, s]) => ({
    name,
    in: location,
    required: location === 'path' || required.has(name),
    schema: s,
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
  }));
}

const errorRef = { $ref: `${COMPONENT_PREFIX}ErrorBody` };
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: errorRef } } });

/** OpenAPI 3.1 document generated from the same zod schemas that validate requests. */
export function buildOpenApi(routes: RouteDef[], publicUrl: string): Record<string, unknown> {
  const inputIds = new Set(routes.flatMap((r) => (r.body ? [z.globalRegistry.get(r.body)?.id ?? ''] : [])));
  const components = buildComponents(inputIds);
  const paths: Record<string, Record<string, unknown>> = {};

  for (const r of routes) {
    const path = r.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const responses: Record<string, unknown> = {};
    if (r.rawResponse) responses['200'] = { description: r.rawResponse.description, content: { [r.rawResponse.contentType]: { schema: { type: 'string' } } } };
    else if (r.response === null) responses['204'] = { description: 'Done' };
    else
      responses[String(r.status ?? 200)] = {
        description: 'Success',
        content: { 'application/json': { schema: schemaRef(r.response, 'output') } },
      };
    responses['400'] = errorResponse('Invalid input; `fields` names each problem');
    if (r.auth !== 'public') responses['401'] = errorResponse('Not signed in');
    if (r.auth === 'admin') responses['403'] = errorResponse('Not the administrator');
    if (r.params) responses['404'] = errorResponse('No such object for this user');

    paths[path] ??= {};
    paths[path][r.method.toLowerCase()] = {
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: r.tags,
      operationId: `${r.method.toLowerCase()}${path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      parameters: [...parametersOf(r.params, 'path'), ...parametersOf(r.query, 'query')],
      ...(r.body
        ? { requestBody: { required: true, content: { [r.bodyContentType ?? 'application/json']: { schema: schemaRef(r.body, 'input') } } } }
        : {}),
      responses,
      security: r.auth === 'public' ? [] : [{ bearerToken: [] }, { sessionCookie: [] }],
    };
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Atom API',
      version: VERSION,
      description:
        'The REST API of Atom, a self-hosted personal command centre. Scripts authenticate with a personal access token (`Authorization: Bearer atom_pat_...`), created under Settings → Tokens. Every error has the shape `{"error":{"code","message","fields"}}`.',
    },
    servers: [{ url: publicUrl }],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearerToken: { type: 'http', scheme: 'bearer', description: 'A personal access token' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'atom_session', description: 'Web session; writes also need the x-csrf-token header' },
      },
    },
  };
}
