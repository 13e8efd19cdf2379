/**
 * The sandbox's wire contract, written once in zod: each route declares its path parameters, query,
 * body and success answers here; Fastify validates requests and serialises answers with the JSON
 * Schema generated from them, and /openapi.json is generated from the same declarations
 * (./openapi-document.ts).
 *
 * Why zod rather than TypeBox: the client already describes TMF resources with zod, so one schema
 * language covers both sides, and zod 4 converts to JSON Schema itself (`z.toJSONSchema`) with no
 * extra dependency in the bundle.
 */
import * as z from 'zod';

type Json = Record<string, unknown>;

/** A success answer: a schema, or a schema with its own description; `null` means no body (204). */
export type ResponseSpec = z.ZodType | null | { description: string; schema: z.ZodType | null; headers?: Record<string, Json> };

export interface RouteSpec {
  operationId: string;
  summary: string;
  description?: string;
  tags: readonly string[];
  /** Why this operation exists although its TMF specification has no such operation (documented as `x-espace-extension`). */
  extension?: string;
  /** Who may call: a bearer token (the default under /tmf-api), nobody in particular, or OAuth client credentials. */
  auth?: 'bearer' | 'none' | 'client';
  params?: z.ZodObject;
  /**
   * Query parameters. They are documented, and their names are the filters `parseQuery` accepts
   * (see `queryNames`); TMF's filter grammar (comma lists, repeated names, `.gte` operators) is parsed
   * by `parseQuery`, not by JSON Schema.
   */
  querystring?: z.ZodObject;
  body?: z.ZodType;
  /** Media types of the body; JSON by default, JSON merge patch too for PATCH. */
  bodyMediaTypes?: readonly string[];
  response: Record<number, ResponseSpec>;
}

/** Fastify's `schema` option, plus the documentation keys it ignores. */
export interface FastifyRouteSchema {
  params?: Json;
  body?: Json;
  response?: Record<number, Json>;
  summary: string;
  tags: readonly string[];
  operationId: string;
}

const models = new Map<string, z.ZodType>();
const specs = new WeakMap<object, RouteSpec>();

/**
 * Registers a named component (`components.schemas[name]` in the document; TMF's names where TMF
 * has one) and returns the schema, so routes and other models can use it.
 */
export function model<T extends z.ZodType>(name: string, schema: T): T {
  const named = schema.meta({ id: name }) as T;
  const known = models.get(name);
  if (known && known !== named) throw new Error(`Two contract models are named ${name}`);
  models.set(name, named);
  return named;
}

/** Every registered model, by name (for the document). */
export function registeredModels(): ReadonlyMap<string, z.ZodType> {
  return models;
}

/** The route's declaration, from the `schema` option Fastify was given (undefined for an undeclared route). */
export function routeSpecOf(schema: unknown): RouteSpec | undefined {
  return schema && typeof schema === 'object' ? specs.get(schema) : undefined;
}

/** The names of a querystring contract, as `parseQuery`'s list of accepted filters. */
export function queryNames(querystring: z.ZodObject, standard: readonly string[] = ['fields', 'offset', 'limit', 'sort']): string[] {
  return Object.keys(querystring.shape).filter((name) => !standard.includes(name));
}

function requestSchema(schema: z.ZodType): Json {
  return stripDollarSchema(z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as Json);
}

/**
 * The schema fast-json-stringify serialises an answer with. It keeps undeclared properties (written
 * as JSON.stringify would) and does not insist on `required` ones, so a `fields=` selection or an
 * extension field is never dropped or refused: the contract documents, the serialiser only speeds up.
 */
function serialisationSchema(schema: z.ZodType): Json {
  return loosen(stripDollarSchema(z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'any' }) as Json)) as Json;
}

function stripDollarSchema(schema: Json): Json {
  const { $schema: _ignored, ...rest } = schema;
  return rest;
}

function loosen(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(loosen);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'required') continue;
    out[key] = loosen(value);
  }
  // fast-json-stringify drops what an object schema does not declare unless told otherwise.
  if ('properties' in out && (out.additionalProperties === false || out.additionalProperties === undefined)) out.additionalProperties = true;
  return out;
}

function responseSchemaOf(spec: ResponseSpec): z.ZodType | null {
  if (spec === null) return null;
  return spec instanceof z.ZodType ? spec : spec.schema;
}

/** Fastify's `schema` option for a route declared by `spec`. */
export function routeSchema(spec: RouteSpec): FastifyRouteSchema {
  const response: Record<number, Json> = {};
  for (const [status, answer] of Object.entries(spec.response)) {
    const schema = responseSchemaOf(answer);
    if (schema) response[Number(status)] = serialisationSchema(schema);
  }
  const fastifySchema: FastifyRouteSchema = {
    ...(spec.params ? { params: requestSchema(spec.params) } : {}),
    ...(spec.body ? { body: requestSchema(spec.body) } : {}),
    ...(Object.keys(response).length ? { response } : {}),
    summary: spec.summary,
    tags: spec.tags,
    operationId: spec.operationId,
  };
  specs.set(fastifySchema, spec);
  return fastifySchema;
}
