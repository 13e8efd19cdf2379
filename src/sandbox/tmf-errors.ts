/**
 * TMF error responses (TMF630 `Error`: code, reason, message, status, @type). `code` and `status`
 * are strings, as the specs declare them. Every failure of a TMF or utility route goes through here,
 * including unknown routes, wrong methods, malformed JSON and unexpected exceptions.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { validationMessage } from './contract/validation-errors.js';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export interface TmfErrorBody {
  code: string;
  reason: string;
  message: string;
  status: string;
  '@type': 'Error';
}

export function tmfErrorBody(status: number, message: string): TmfErrorBody {
  const reason = REASONS[status] ?? (status >= 500 ? 'Internal Server Error' : 'Bad Request');
  return { code: String(status), reason, message, status: String(status), '@type': 'Error' };
}

/** An error a handler can throw to answer with a TMF error body. */
export class TmfError extends Error {
  readonly statusCode: number;

  constructor(statusCode: number, message: string) {
    super(message);
    this.name = 'TmfError';
    this.statusCode = statusCode;
  }
}

export function sendTmfError(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(tmfErrorBody(status, message));
}

/** Messages for Fastify's own 4xx errors that say what to fix, without internals. */
function clientErrorMessage(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'The request body is not valid JSON';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The request body is empty; a JSON object was expected';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Unsupported Content-Type; send application/json or application/merge-patch+json';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is too large';
    default:
      return error.message;
  }
}

export function tmfErrorHandler(error: FastifyError | TmfError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof TmfError) return sendTmfError(reply, error.statusCode, error.message);
  // A request the route's contract refused (contract/route-schema.ts).
  if ('validation' in error && Array.isArray(error.validation)) {
    return sendTmfError(reply, 400, validationMessage(error.validation, String(error.validationContext ?? 'body')));
  }
  const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status >= 400 && status < 500) {
    // Fastify reports bad JSON as a SyntaxError with statusCode 400 and code FST_ERR_CTP_INVALID_JSON_BODY.
    return sendTmfError(reply, status, clientErrorMessage(error as FastifyError));
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendTmfError(reply, 500, 'The sandbox failed to process the request');
}

export interface KnownRoute {
  method: string;
  url: string;
  /** The `schema` option the route was registered with (its contract, if it declares one). */
  schema?: unknown;
}

/**
 * Unknown URLs answer 404; a known path with a method it does not support answers 405 with the
 * `Allow` header, which tells a client the difference between a typo and an unsupported operation.
 */
export function notFoundHandler(routes: readonly KnownRoute[]) {
  let patterns: { regex: RegExp; methods: Set<string> }[] | null = null;
  const compile = () => {
    const byUrl = new Map<string, Set<string>>();
    for (const route of routes) {
      const methods = byUrl.get(route.url) ?? new Set<string>();
      methods.add(route.method);
      byUrl.set(route.url, methods);
    }
    return [...byUrl].map(([url, methods]) => ({
      regex: new RegExp(`^${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]+/g, '[^/]+')}/?$`),
      methods,
    }));
  };
  return function handleNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
    patterns ??= compile();
    const path = request.url.split('?')[0] ?? '';
    const match = patterns.find((p) => p.regex.test(path));
    if (match) {
      reply.header('allow', [...match.methods].sort().join(', '));
      return sendTmfError(reply, 405, `${request.method} is not supported on ${path}; allowed: ${[...match.methods].sort().join(', ')}`);
    }
    return sendTmfError(reply, 404, `No resource at ${request.method} ${path}`);
  };
}
