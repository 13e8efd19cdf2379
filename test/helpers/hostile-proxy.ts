/**
 * A hostile server for tests: a proxy on 127.0.0.1 in front of a test sandbox that rewrites every
 * JSON answer so that each string a person would read (names, descriptions, titles, notes, reasons,
 * error messages…) carries what a malicious backend would use to take over a terminal: window
 * titles, hyperlinks and clipboard writes (OSC 0/8/52), clear screen, an 8-bit CSI, bidirectional
 * overrides, carriage returns, backspaces, line separators, fake extra lines, and, in a few fields,
 * 150,000 characters. Machine fields (ids, references, dates, states, codes, amounts, enumerations)
 * are left alone, so the commands still understand the answers and show the hostile strings.
 *
 * A request whose path holds `HOSTILE-422` is answered 422 with a hostile TMF error body.
 */
import { createServer, request as forward, type IncomingMessage } from 'node:http';
import { closeServer, listenOnLoopback } from './loopback.js';

/** Escape sequences and controls a terminal acts on, each ending in a visible word so a leak is easy to spot. */
export const PAYLOAD = [
  '\u001b]0;OSC-TITLE\u0007', // window title
  '\u001b]8;;https://evil.example/\u001b\\OSC-LINK\u001b]8;;\u001b\\', // hyperlink
  '\u001b]52;c;Y2xpcGJvYXJk\u0007', // clipboard write
  '\u001b[2J\u001b[H', // clear screen, cursor home
  '\u001b[8m\u001b[38;5;196m', // SGR from a server: concealed text, a colour espace never uses
  '\u009b31m\u009d0;C1-TITLE\u009c', // 8-bit CSI and OSC
  '\u001bP1$qDCS\u001b\\', // device control string
  '\u202eRLO\u202c\u2066LRI\u2069\u200f', // bidirectional overrides, isolates, marks
  '\rCR-OVERWRITE', // carriage return: rewrites the start of the line
  '\b\b\bBACKSPACE\u007f\u0007', // backspaces, DEL, bell
  '\u2028LINE-SEP\u2029PARA-SEP\u0085NEL', // Unicode line and paragraph separators, C1 next line
].join('');

/** A line break followed by a marker: wherever the marker starts a line, a server added a line of its own. */
export const FAKE_LINE = '@@FAKE-LINE@@';
const LINE_BREAKS = `\n${FAKE_LINE} \r\n${FAKE_LINE} `;

/** 150,000 characters: a string that must be cut on a terminal, and kept whole in JSON. */
export const LONG = 'W'.repeat(150_000);

/** Fields that are data, not words to read: ids, references, dates, states, codes, amounts, enumerations. */
const MACHINE_KEYS = new Set([
  'id',
  'href',
  'sub',
  'code',
  'status',
  'state',
  'unit',
  'value',
  'currency',
  'role',
  'severity',
  'priority',
  'action',
  'category',
  'billSection',
  'version',
  'mimeType',
  'url',
  'email',
  'emailAddress',
  'phoneNumber',
  'number',
  'postCode',
  'postcode',
  'country',
  'stateOrProvince',
  'province',
  'scope',
  'access_token',
  'refresh_token',
  'token_type',
  'lifecycleStatus',
  'channel',
  'brand',
  'expirationDate',
  'cardType',
  'lastFourDigits',
  'language',
  'locale',
  'timeZone',
  'referenceError',
  'validationResult',
  'contactMediumType',
  'mediumType',
  'characteristicName',
  'preferred',
]);

/** Multi-line free text: may keep line breaks, so it gets no fake lines (but every escape and control). */
const MULTI_LINE_KEYS = new Set(['description', 'text', 'content', 'body']);

/** Fields that also get 150,000 characters: the first of each name in an answer (more only costs time). */
const LONG_KEYS = new Set(['name', 'given_name', 'givenName', 'taxCategory', 'message', 'reason', 'title', 'subject']);

function isMachineKey(key: string): boolean {
  return (
    MACHINE_KEYS.has(key) ||
    key.startsWith('@') ||
    /(Id|Date|DateTime|Type|Time|Code|Status|State|Number|Href|Url|Uri|Version|Unit)$/.test(key) ||
    /^(is|has)[A-Z]/.test(key)
  );
}

/** The hostile version of one string at `key`; `long` adds 150,000 characters. */
export function poison(key: string, value: string, long: boolean): string {
  const lines = MULTI_LINE_KEYS.has(key) ? '' : LINE_BREAKS;
  return `${value}${PAYLOAD}${lines}${long ? LONG : ''}`;
}

/** Every readable string in a JSON answer, poisoned; machine fields left as they are. */
export function poisonJson(value: unknown, key = '', lengthened = new Set<string>()): unknown {
  if (typeof value === 'string') {
    if (isMachineKey(key) || value === '') return value;
    const long = LONG_KEYS.has(key) && !lengthened.has(key);
    if (long) lengthened.add(key);
    return poison(key, value, long);
  }
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? item : poisonJson(item, key, lengthened)));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, poisonJson(item, name, lengthened)]));
  }
  return value;
}

export interface HostileProxy {
  url: string;
  /** Every path asked, in order. */
  readonly paths: string[];
  close(): Promise<void>;
}

function read(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

export async function startHostileProxy(target: string): Promise<HostileProxy> {
  const upstream = new URL(target);
  const paths: string[] = [];
  let origin = '';
  const server = createServer(async (request, response) => {
    const path = request.url ?? '/';
    paths.push(path);
    const body = await read(request);
    if (path.includes('HOSTILE-422')) {
      const error = { code: '422', reason: `Unprocessable${PAYLOAD}${LINE_BREAKS}${LONG}`, message: `Refused${PAYLOAD}${LINE_BREAKS}`, status: '422' };
      response.writeHead(422, { 'content-type': 'application/json' });
      response.end(JSON.stringify(error));
      return;
    }
    const headers = { ...request.headers, host: upstream.host };
    // Answers in clear text, so that they can be rewritten.
    delete headers['accept-encoding'];
    const outgoing = forward({ host: upstream.hostname, port: upstream.port, method: request.method, path, headers }, async (answer) => {
      const raw = await read(answer);
      const replyHeaders = { ...answer.headers };
      let reply = raw;
      if (/json/.test(String(answer.headers['content-type'] ?? '')) && raw.length > 0) {
        try {
          // Links in the answer point at the proxy, as a server's own links point at itself.
          const text = raw.toString('utf8').replaceAll(upstream.origin, origin);
          reply = Buffer.from(JSON.stringify(poisonJson(JSON.parse(text))));
        } catch {
          // Not JSON after all: forwarded as it is.
        }
      }
      delete replyHeaders['transfer-encoding'];
      replyHeaders['content-length'] = String(reply.length);
      response.writeHead(answer.statusCode ?? 502, replyHeaders);
      response.end(reply);
    });
    outgoing.on('error', () => {
      response.writeHead(502);
      response.end();
    });
    outgoing.end(body);
  });
  origin = await listenOnLoopback(server);
  return {
    url: origin,
    paths,
    close: () => closeServer(server),
  };
}
