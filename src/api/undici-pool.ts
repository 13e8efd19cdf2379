/**
 * undici's connection pool with the one method espace calls on it (`request`), without the rest of
 * undici. Its index also builds fetch, WebSocket and cookies, and the cookie module reads
 * `globalThis.Headers`, which makes Node load its own copy of undici with its web streams, TLS and
 * HTTP/2: `require('undici')` takes ≈ 76 ms on Node 20 without caches, these files ≈ 26.
 */
import Dispatcher from 'undici/lib/dispatcher/dispatcher.js';
import Pool from 'undici/lib/dispatcher/pool.js';
import request from 'undici/lib/api/api-request.js';

// What undici's index does with every API function (Object.assign(Dispatcher.prototype, api)),
// for the one espace uses; left alone if undici's index got there first.
Dispatcher.prototype.request ??= request;

export { Pool };
