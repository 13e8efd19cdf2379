/**
 * The embedded sandbox: a TM Forum Open API v4 server (the subset espace uses) with OAuth-style
 * authentication, on Fastify and one SQLite file. It is a separate program from the CLI.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import type { HasherOptions } from './auth/hash-limiter.js';
import { bearerAuthHook } from './auth/principal.js';
import type { ThrottleLimits } from './auth/throttle.js';
import { loadTotpSecretCipher, sealClearTotpSecrets } from './auth/totp-secrets.js';
import { createContext } from './context.js';
import { defaultSeedAnchor, parseSeedAnchor } from './dates.js';
import { openDatabase, type SandboxDatabase } from './db.js';
import { appliedBillingRateRoutes } from './billing/applied-billing-rate-routes.js';
import { billDocumentRoutes } from './billing/bill-document-routes.js';
import { billingAccountRoutes } from './billing/billing-account-routes.js';
import { chatRoutes } from './chat/routes.js';
import { customerBillRoutes } from './billing/customer-bill-routes.js';
import { metaRoutes } from './meta/routes.js';
import { oauthRoutes } from './auth/oauth-routes.js';
import { paymentRoutes } from './payment/payment-routes.js';
import { planRoutes } from './plan/routes.js';
import { partyRoutes } from './party/routes.js';
import { installPlainProfile } from './profile/plain.js';
import type { SandboxProfile } from './profile/profiles.js';
import { securityRoutes } from './auth/security-routes.js';
import { troubleTicketRoutes } from './tickets/routes.js';
import { serviceProblemRoutes } from './outages/routes.js';
import { userinfoRoutes } from './auth/userinfo-routes.js';
import { ensureSeeded } from './seed.js';
import { SandboxClock } from './clock/clock.js';
import { ClockEngine } from './clock/engine.js';
import type { ClockEvent } from './clock/event-log.js';
import { clockRoutes } from './clock/routes.js';
import type { OrderProgress } from './clock/order-progress.js';
import { notFoundHandler, sendTmfError, tmfErrorHandler, type KnownRoute } from './tmf-errors.js';
import { answerInClientLanguage } from './language/localize.js';
import { SANDBOX_AJV_OPTIONS, sandboxSchemaController } from './contract/compilers.js';

export interface SandboxOptions {
  /** Directory of the database (`sandbox.db`); created with mode 0700 if missing. */
  dataDir: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 8642; 0 picks a free port. */
  port?: number;
  /** Default 3600. */
  accessTokenTtlSeconds?: number;
  /** Default 30 days. */
  refreshTokenTtlSeconds?: number;
  /** ISO date (YYYY-MM-DD) the seeded bills are relative to; default: first day of the current month, UTC. */
  seedAnchor?: string;
  /** The real clock (tests move it): token expiry and throttling; the sandbox clock adds its stored offset to it. */
  now?: () => Date;
  /** Fastify request logging to stdout; off by default. */
  logger?: boolean;
  /** Delete the database and seed a new one. */
  reset?: boolean;
  /**
   * When seeding, also generate this many accounts (BA-100001, …) with a year of bills each, owned
   * by no login (agents and the CI client see them): volume for bulk lookups. Default 0.
   */
  syntheticAccounts?: number;
  /**
   * For tests: awaited inside every payment, after its idempotency key is reserved, so that a test
   * can hold a payment in flight for as long as it needs (a repeat then meets the running one).
   */
  holdPayments?: () => Promise<void>;
  /** Login throttle limits (defaults: DEFAULT_THROTTLE_LIMITS); tests shorten them. */
  throttleLimits?: Partial<ThrottleLimits>;
  /** Bounds on concurrent password hashing, and hooks for tests to observe and hold it. */
  passwordHashing?: HasherOptions;
  /** `plain`: behave as a minimal conformant TMF v4 server (profile/plain.ts). Default `default`. */
  profile?: SandboxProfile;
  /** Told of each time-driven event once it is done (the sandbox program logs a line). */
  onClockEvent?: (event: ClockEvent) => void;
  /** Real milliseconds between time-driven events of an advance (tests: room to interrupt one). */
  clockPauseMs?: number;
  /** How often events reached by real time are run; default 5000, 0 = only on advance. */
  clockTickMs?: number;
  /**
   * Product orders progress over sandbox time (acknowledged, inProgress after `startSeconds`, then
   * completed or failed after `completeSeconds`; clock/order-progress.ts) instead of completing
   * as they are placed. The sandbox program turns it on (ORDER_PROGRESS).
   */
  orderProgress?: OrderProgress;
}

export interface RunningSandbox {
  /** e.g. http://127.0.0.1:8642 */
  url: string;
  port: number;
  close(): Promise<void>;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8642;
const DEFAULT_ACCESS_TTL = 3600;
const DEFAULT_REFRESH_TTL = 30 * 24 * 3600;
const REQUEST_ID = /^[\x21-\x7e]{1,200}$/;

const knownRoutes = new WeakMap<FastifyInstance, KnownRoute[]>();

/** Every (method, URL pattern) registered on a sandbox app, in registration order. */
export function registeredRoutes(app: FastifyInstance): readonly KnownRoute[] {
  return knownRoutes.get(app) ?? [];
}

/** Builds the app (not listening; use `inject` or `listen`). Opens and if needed seeds the database. */
export async function buildSandboxApp(options: SandboxOptions): Promise<FastifyInstance> {
  const now = options.now ?? (() => new Date());
  const anchor = options.seedAnchor ?? defaultSeedAnchor(now());
  parseSeedAnchor(anchor);
  const db = openDatabase(options.dataDir, { reset: options.reset ?? false });
  try {
    ensureSeeded(db, anchor, { syntheticAccounts: options.syntheticAccounts ?? 0 });
    return await createApp(db, options, now);
  } catch (error) {
    if (db.open) db.close();
    throw error;
  }
}

async function createApp(db: SandboxDatabase, options: SandboxOptions, realNow: () => Date): Promise<FastifyInstance> {
  const totpSecrets = loadTotpSecretCipher(options.dataDir);
  // A database written by an older version may hold TOTP secrets in clear: seal them now.
  sealClearTotpSecrets(db, totpSecrets);
  const clock = new SandboxClock(db, realNow);
  const engine = new ClockEngine(db, clock, {
    ...(options.onClockEvent ? { onEvent: options.onClockEvent } : {}),
    ...(options.clockPauseMs !== undefined ? { pauseMs: options.clockPauseMs } : {}),
    ...(options.clockTickMs !== undefined ? { tickMs: options.clockTickMs } : {}),
    ...(options.orderProgress ? { orderProgress: options.orderProgress } : {}),
  });
  const ctx = createContext(db, {
    now: clock.now,
    realNow,
    totpSecrets,
    ...(options.throttleLimits ? { throttleLimits: options.throttleLimits } : {}),
    ...(options.passwordHashing ? { passwordHashing: options.passwordHashing } : {}),
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? DEFAULT_ACCESS_TTL,
    refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? DEFAULT_REFRESH_TTL,
  });

  const app = Fastify({
    logger: options.logger ?? false,
    // Echo a well-formed client request id, otherwise make one.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // Requests Fastify rejects before routing (e.g. broken percent-encoding) get a TMF error too.
    frameworkErrors: (error, request, reply) => {
      reply.header('x-request-id', request.id);
      sendTmfError(reply, 400, error.code === 'FST_ERR_BAD_URL' ? 'The URL is malformed (invalid percent-encoding)' : error.message);
    },
    exposeHeadRoutes: false,
    bodyLimit: 256 * 1024,
    return503OnClosing: true,
    ajv: SANDBOX_AJV_OPTIONS,
    // Each route's schemas compiled at its first use, once per process (contract/compilers.ts).
    schemaController: sandboxSchemaController,
  });
  const routes: KnownRoute[] = [];
  knownRoutes.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, schema: route.schema });
  });
  app.addHook('onClose', async () => {
    await engine.close();
    db.close();
  });
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    return payload;
  });
  app.decorateRequest('principal', null);
  answerInClientLanguage(app);
  app.setErrorHandler(tmfErrorHandler);
  app.setNotFoundHandler(notFoundHandler(routes));
  // Bodies are JSON (TMF630 asks for JSON merge patch on PATCH; plain application/json is accepted
  // too); anything else, text/plain included, answers 415.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('application/merge-patch+json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));

  if (options.profile === 'plain') await installPlainProfile(app, ctx.tokens);
  await app.register(metaRoutes, { routes });
  await app.register(clockRoutes, { clock, engine });
  app.addHook('onReady', async () => engine.start());
  await app.register(oauthRoutes, { ctx });
  await app.register(async (tmf) => {
    tmf.addHook('onRequest', bearerAuthHook(ctx.tokens));
    await tmf.register(customerBillRoutes, { ctx });
    await tmf.register(appliedBillingRateRoutes, { ctx });
    await tmf.register(billDocumentRoutes, { ctx });
    await tmf.register(billingAccountRoutes, { ctx });
    await tmf.register(userinfoRoutes, { ctx });
    await tmf.register(paymentRoutes, { ctx, dataDir: options.dataDir, holdPayments: options.holdPayments });
    await tmf.register(planRoutes, { ctx, deferOrders: options.orderProgress !== undefined });
    await tmf.register(securityRoutes, { ctx });
    await tmf.register(partyRoutes, { ctx });
    await tmf.register(troubleTicketRoutes, { ctx });
    await tmf.register(chatRoutes, { ctx });
    // Outages run on the clock's schedule, from the hour it began (clock/outage-schedule.ts).
    await tmf.register(serviceProblemRoutes, { ctx, scheduledFrom: new Date(clock.origin) });
  });
  return app;
}

function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

/** Builds the app and listens; rejects (with the listen error, e.g. EADDRINUSE) if it cannot. */
export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const host = options.host ?? DEFAULT_HOST;
  const app = await buildSandboxApp(options);
  try {
    await app.listen({ host, port: options.port ?? DEFAULT_PORT });
  } catch (error) {
    await app.close();
    throw error;
  }
  const { port } = app.server.address() as AddressInfo;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${urlHost(host)}:${port}`,
    port,
    close: () => (closing ??= app.close()),
  };
}
