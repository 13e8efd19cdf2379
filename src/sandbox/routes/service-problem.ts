/**
 * TMF656 serviceProblem, read-only: outages and planned maintenance by area. Outages are public
 * information, so every authenticated caller sees all of them; `affectedLocation.postCode`
 * (an espace extension) keeps those that affect a postal code or a prefix of one.
 */
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context.js';
import { SEEDED_PROBLEMS, affectsPostalCode, normalizePostalCode } from '../outages/catalog.js';
import { problemStatusAt } from '../clock/outage-schedule.js';
import { SERVICE_PROBLEM_API, serviceProblemResource } from '../outages/resource.js';
import { SERVICE_PROBLEM_FILTERS, listServiceProblem, retrieveServiceProblem } from '../outages/contract.js';
import { page, parseQuery, selectFields, singleFilter } from '../paging.js';
import { originOf } from '../resources/paths.js';
import { TmfError, sendTmfError } from '../tmf-errors.js';

const POSTAL_PREFIX = /^[A-Z]\d[A-Z](\d[A-Z]\d?)?$|^[A-Z]\d?$/;

export async function serviceProblemRoutes(app: FastifyInstance, { ctx, scheduledFrom }: { ctx: SandboxContext; scheduledFrom: Date }): Promise<void> {
  app.get(`${SERVICE_PROBLEM_API}/serviceProblem`, { schema: listServiceProblem }, async (request, reply) => {
    const query = parseQuery(request.query, { filters: SERVICE_PROBLEM_FILTERS, paging: true });
    const postCode = singleFilter(query, 'affectedLocation.postCode');
    if (postCode !== undefined && !POSTAL_PREFIX.test(normalizePostalCode(postCode))) {
      throw new TmfError(400, `"affectedLocation.postCode" must be a Canadian postal code or its beginning (e.g. H2X 1Y4 or H2X), got "${postCode}"`);
    }
    const statuses = query.filters.get('status');
    const categories = query.filters.get('category');
    const now = ctx.now();
    const matching = SEEDED_PROBLEMS.filter(
      (problem) =>
        (postCode === undefined || affectsPostalCode(problem, postCode)) &&
        (!statuses || statuses.includes(problemStatusAt(problem, scheduledFrom.toISOString(), now))) &&
        (!categories || categories.includes(problem.category)),
    );
    return page(reply, query, matching).map((problem) => selectFields(serviceProblemResource(originOf(request), problem, now, scheduledFrom), query.fields));
  });

  app.get<{ Params: { id: string } }>(`${SERVICE_PROBLEM_API}/serviceProblem/:id`, { schema: retrieveServiceProblem }, async (request, reply) => {
    const query = parseQuery(request.query, {});
    const problem = SEEDED_PROBLEMS.find((candidate) => candidate.id === request.params.id);
    if (!problem) return sendTmfError(reply, 404, `No serviceProblem with id "${request.params.id}"`);
    return selectFields(serviceProblemResource(originOf(request), problem, ctx.now(), scheduledFrom), query.fields);
  });
}
