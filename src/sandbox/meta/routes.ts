/** Unauthenticated utility routes: readiness and the OpenAPI document. */
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { buildOpenApiDocument } from '../contract/openapi-document.js';
import { model, routeSchema } from '../contract/route-schema.js';
import { HEALTH_PATH, OPENAPI_PATH } from '../resources/paths.js';
import type { KnownRoute } from '../tmf-errors.js';

const Health = model('Health', z.object({ status: z.literal('ok') }));

export async function metaRoutes(app: FastifyInstance, { routes }: { routes: readonly KnownRoute[] }): Promise<void> {
  // Built on first request, once every route is registered, then served as is: it never changes while the server runs.
  let openapi: string | null = null;

  app.get(
    HEALTH_PATH,
    { schema: routeSchema({ operationId: 'health', tags: ['meta'], summary: 'Readiness check (no authentication)', response: { 200: Health } }) },
    async () => ({ status: 'ok' }),
  );

  app.get(
    OPENAPI_PATH,
    {
      schema: routeSchema({
        operationId: 'openapi',
        tags: ['meta'],
        summary: 'This document (no authentication)',
        response: { 200: { description: 'OpenAPI 3.0 document', schema: z.looseObject({}) } },
      }),
    },
    async (_request, reply) => {
      openapi ??= JSON.stringify(buildOpenApiDocument(routes));
      return reply.type('application/json; charset=utf-8').send(openapi);
    },
  );
}
