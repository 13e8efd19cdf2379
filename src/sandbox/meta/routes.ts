/** Unauthenticated utility routes: readiness and the OpenAPI document. */
import type { FastifyInstance } from 'fastify';
import { buildOpenApiDocument } from '../openapi.js';
import { HEALTH_PATH, OPENAPI_PATH } from '../resources/paths.js';

export async function metaRoutes(app: FastifyInstance): Promise<void> {
  // Serialized once: the document never changes while the server runs.
  const openapi = JSON.stringify(buildOpenApiDocument());

  app.get(HEALTH_PATH, async () => ({ status: 'ok' }));

  app.get(OPENAPI_PATH, async (_request, reply) => reply.type('application/json; charset=utf-8').send(openapi));
}
