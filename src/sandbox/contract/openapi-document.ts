/**
 * /openapi.json, generated from the routes the server registered and the contracts they declare
 * (./route-schema.ts): every route appears, with its parameters, body and answers, and every
 * model it uses as a component. Nothing here is written by hand but the server-wide parts (tags,
 * security schemes, the shared error answers).
 */
import * as z from 'zod';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../paging.js';
import { TOKEN_PATH } from '../resources/paths.js';
import { registeredModels, routeSpecOf, type ResponseSpec, type RouteSpec } from './route-schema.js';

type Json = Record<string, unknown>;

/** A route as the server registered it, with the `schema` option it was given. */
export interface DocumentedRoute {
  method: string;
  url: string;
  schema?: unknown;
}

const TAGS: readonly (readonly [string, string])[] = [
  ['customerBill', 'TMF678 Customer Bill'],
  ['billingAccount', 'TMF666 Account'],
  ['userinfo', 'TMF691 Federated ID'],
  ['oauth', 'OAuth 2.0 (not TMF)'],
  ['meta', 'Server utilities'],
  ['payment', 'TMF676 Payment (base path /paymentManagement/v4, as the specification declares it)'],
  ['paymentMethod', 'TMF670 Payment Method'],
  ['productOffering', 'TMF620 Product Catalog'],
  ['product', 'TMF637 Product Inventory'],
  ['productOrder', 'TMF622 Product Ordering'],
  ['usage', 'TMF635 Usage'],
  ['individual', 'TMF632 Party: personal information'],
  ['geographicAddress', 'TMF673 Geographic Address: address validation'],
  ['security', 'Account security of the caller: two-factor, password, sessions (not TMF)'],
  ['troubleTicket', 'TMF621 Trouble Ticket (tickets, service requests, billing disputes)'],
  ['chat', 'Live chat between a customer and an agent (not TMF)'],
  ['serviceProblem', 'TMF656 Service Problem (outages and planned maintenance)'],
  [
    'sandboxClock',
    "The sandbox clock (not TMF, no authentication): the sandbox's date is the real clock plus a stored offset. Moving it forward " +
      'runs every time-driven event up to the new date, in order, exactly once: the monthly bill run on the 1st, autopay debits and ' +
      'past-due checks on due dates, outages starting and ending, product orders progressing. Each event is logged with a unique key.',
  ],
];

const INFO = {
  title: 'espace sandbox',
  version: '1.0.0',
  description:
    'The embedded sandbox of espace: the subset of the TM Forum Open APIs v4 the CLI uses, OAuth 2.0 token endpoints, and seeded ' +
    'demo data. Every TMF route needs "Authorization: Bearer <token>"; a missing, unknown, expired or revoked token answers 401 with ' +
    'WWW-Authenticate: Bearer error="invalid_token". Customers see only their own billing accounts (other accounts answer 404, never ' +
    '403); agents read, and may update, every account; the CI client is read-only (403 on anything but GET). Lists take offset, ' +
    `limit (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT}), fields and the filters listed; unknown query parameters answer 400. ` +
    "Every response carries X-Request-Id (the client's, if it sent a well-formed one). Money values are JSON numbers holding an " +
    'exact amount in cents (e.g. 65.5 is $65.50).',
};

const ERROR_RESPONSES: Json = {
  BadRequest: errorResponse('Bad request: invalid parameter, filter, body or malformed JSON'),
  Unauthorized: {
    description: 'Missing, unknown, expired or revoked access token',
    headers: { 'WWW-Authenticate': { description: 'Bearer realm="espace", error="invalid_token", …', schema: { type: 'string' } } },
    content: json(schemaRef('Error')),
  },
  Forbidden: errorResponse('The token is read-only (no tmf.write scope) and the method is not GET'),
  NotFound: errorResponse('No such resource, or it belongs to an account the caller may not see'),
  MethodNotAllowed: errorResponse('The path exists but not with this method (see the Allow header)'),
  InternalError: errorResponse('Unexpected server failure'),
};

const TMF_ERRORS: Json = {
  '400': responseRef('BadRequest'),
  '401': responseRef('Unauthorized'),
  '403': responseRef('Forbidden'),
  '404': responseRef('NotFound'),
  '405': responseRef('MethodNotAllowed'),
  '500': responseRef('InternalError'),
};

const LIST_HEADERS: Json = {
  'X-Total-Count': { description: 'Number of items matching the criteria', schema: { type: 'integer' } },
  'X-Result-Count': { description: 'Number of items in this response', schema: { type: 'integer' } },
};

const SECURITY_SCHEMES: Json = {
  bearerAuth: { type: 'http', scheme: 'bearer', description: 'Access token from /oauth/token' },
  clientBasic: { type: 'http', scheme: 'basic', description: 'Confidential client credentials (client_id:client_secret)' },
  oauth: {
    type: 'oauth2',
    flows: {
      password: {
        tokenUrl: TOKEN_PATH,
        refreshUrl: TOKEN_PATH,
        scopes: { openid: 'Userinfo', profile: 'Profile', 'tmf.read': 'Read TMF resources', 'tmf.write': 'Change TMF resources' },
      },
      clientCredentials: { tokenUrl: TOKEN_PATH, scopes: { 'tmf.read': 'Read TMF resources' } },
    },
  },
};

function schemaRef(name: string): Json {
  return { $ref: `#/components/schemas/${name}` };
}
function responseRef(name: string): Json {
  return { $ref: `#/components/responses/${name}` };
}
function json(schema: Json): Json {
  return { 'application/json': { schema } };
}
function errorResponse(description: string): Json {
  return { description, content: json(schemaRef('Error')) };
}

/** Converts every model and every route's own schemas in one pass, so models become `$ref`s. */
class SchemaConverter {
  private readonly registry = z.registry<{ id: string }>();
  private readonly anonymous = new Map<z.ZodType, string>();
  private converted: Record<string, Json> | null = null;

  constructor(models: ReadonlyMap<string, z.ZodType>) {
    for (const [id, schema] of models) this.registry.add(schema, { id });
  }

  /** Registers a route's own schema (not a model) and returns the key to read its conversion with. */
  add(schema: z.ZodType): string {
    if (registeredModelName(schema)) return '';
    let key = this.anonymous.get(schema);
    if (!key) {
      key = `__route${this.anonymous.size}`;
      this.anonymous.set(schema, key);
      this.registry.add(schema, { id: key });
    }
    return key;
  }

  /** The JSON Schema of a registered schema: a `$ref` for a model, the schema itself otherwise. */
  schemaOf(schema: z.ZodType): Json {
    const name = registeredModelName(schema);
    if (name) return schemaRef(name);
    const key = this.anonymous.get(schema);
    if (!key) throw new Error('schema was not added before conversion');
    return this.all()[key]!;
  }

  /** The models, as `components.schemas`. */
  components(): Record<string, Json> {
    return Object.fromEntries(Object.entries(this.all()).filter(([id]) => !id.startsWith('__')));
  }

  private all(): Record<string, Json> {
    if (!this.converted) {
      const { schemas } = z.toJSONSchema(this.registry, {
        target: 'openapi-3.0',
        io: 'input',
        unrepresentable: 'any',
        uri: (id) => `#/components/schemas/${id}`,
      }) as { schemas: Record<string, Json> };
      this.converted = Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, withoutIds(schema)]));
    }
    return this.converted;
  }
}

function registeredModelName(schema: z.ZodType): string | undefined {
  const id = z.globalRegistry.get(schema)?.id;
  return typeof id === 'string' && registeredModels().get(id) === schema ? id : undefined;
}

function withoutIds(node: unknown): Json {
  if (Array.isArray(node)) return node.map(withoutIds) as unknown as Json;
  if (!node || typeof node !== 'object') return node as Json;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) if (key !== '$id') out[key] = withoutIds(value);
  return out;
}

function responseParts(answer: ResponseSpec): { schema: z.ZodType | null; description?: string; headers?: Record<string, Json> } {
  if (answer === null) return { schema: null };
  if (answer instanceof z.ZodType) return { schema: answer };
  return answer;
}

const DEFAULT_DESCRIPTIONS: Record<number, string> = { 200: 'Success', 201: 'Created', 202: 'Accepted', 204: 'No content' };

function parameters(converter: SchemaConverter, where: 'path' | 'query', object: z.ZodObject | undefined): Json[] {
  if (!object) return [];
  const converted = converter.schemaOf(object) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(converted.properties ?? {}).map(([name, property]) => {
    const { description, ...schema } = property;
    return {
      name,
      in: where,
      required: where === 'path' || (converted.required ?? []).includes(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema,
    };
  });
}

function security(spec: RouteSpec, url: string): Json[] | undefined {
  const auth = spec.auth ?? (url.startsWith('/tmf-api/') ? 'bearer' : 'none');
  if (auth === 'bearer') return [{ bearerAuth: [] }];
  if (auth === 'client') return [{}, { clientBasic: [] }];
  return undefined;
}

function operation(converter: SchemaConverter, spec: RouteSpec, route: DocumentedRoute): Json {
  const responses: Json = {};
  for (const [status, answer] of Object.entries(spec.response)) {
    const { schema, description, headers } = responseParts(answer);
    const isList = schema instanceof z.ZodArray;
    const allHeaders = { ...(isList ? LIST_HEADERS : {}), ...(headers ?? {}) };
    responses[status] = {
      description: description ?? (isList ? 'Success (one page of results)' : (DEFAULT_DESCRIPTIONS[Number(status)] ?? 'Success')),
      ...(Object.keys(allHeaders).length ? { headers: allHeaders } : {}),
      ...(schema ? { content: json(converter.schemaOf(schema)) } : Number(status) >= 400 ? { content: json(schemaRef('Error')) } : {}),
    };
  }
  const protectedRoute = security(spec, route.url);
  const mediaTypes = spec.bodyMediaTypes ?? (route.method === 'PATCH' ? ['application/merge-patch+json', 'application/json'] : ['application/json']);
  return {
    operationId: spec.operationId,
    tags: [...spec.tags],
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    ...(spec.extension ? { 'x-espace-extension': spec.extension } : {}),
    ...(protectedRoute ? { security: protectedRoute } : {}),
    parameters: [...parameters(converter, 'path', spec.params), ...parameters(converter, 'query', spec.querystring)],
    ...(spec.body
      ? { requestBody: { required: true, content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: converter.schemaOf(spec.body!) }])) } }
      : {}),
    responses: { ...(protectedRoute ? TMF_ERRORS : { '400': TMF_ERRORS['400'], '500': TMF_ERRORS['500'] }), ...responses },
  };
}

/** OpenAPI path syntax for a Fastify URL (`/bill/:id` → `/bill/{id}`). */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z]+)/g, '{$1}');
}

/**
 * The document for `routes`: each route's operation from the contract it declares (a route without
 * one is left out, which test/sandbox/openapi.test.ts reports), each model it uses as a component.
 */
export function buildOpenApiDocument(routes: readonly DocumentedRoute[]): Json {
  const converter = new SchemaConverter(registeredModels());
  const declared = routes.flatMap((route) => {
    const spec = routeSpecOf(route.schema);
    return spec ? [{ route, spec }] : [];
  });
  for (const { spec } of declared) {
    for (const schema of [spec.params, spec.querystring, spec.body, ...Object.values(spec.response).map((r) => responseParts(r).schema)]) {
      if (schema) converter.add(schema);
    }
  }
  const paths: Record<string, Record<string, Json>> = {};
  for (const { route, spec } of declared) {
    (paths[openApiPath(route.url)] ??= {})[route.method.toLowerCase()] = operation(converter, spec, route);
  }
  const tagNames = new Set(Object.values(paths).flatMap((ops) => Object.values(ops).flatMap((op) => (op.tags ?? []) as string[])));
  const tags = TAGS.filter(([name]) => tagNames.has(name)).map(([name, description]) => ({ name, description }));
  return {
    openapi: '3.0.3',
    info: INFO,
    servers: [{ url: '/' }],
    tags,
    paths,
    components: {
      securitySchemes: SECURITY_SCHEMES,
      responses: ERROR_RESPONSES,
      schemas: converter.components(),
    },
  };
}
