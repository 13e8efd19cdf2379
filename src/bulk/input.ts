/**
 * The account list of a bulk run: one id per line, or a CSV whose header names the account
 * column. The CSV's separator is sniffed from that header: `,`, `;` (what a spreadsheet writes
 * where the decimal mark is a comma, French Excel's default) or a tab. Blank lines and `#` comments are ignored, and an account listed twice is looked up once.
 * The list is read line by line with bounds: a line longer than {@link MAX_LINE_BYTES}, a line that
 * is not UTF-8, or one holding a control character (a NUL, an escape…) is refused with its
 * number, before anything is sent: such a line is never an account id.
 */
import { boundedLines, forbiddenCharacter, InputTooLargeError, type NumberedLine } from '../cli/bounded-read.js';
import { UsageError } from '../errors.js';

/** The longest line of an account list (a CSV export's line with notes fits; a runaway file does not). */
export const MAX_LINE_BYTES = 64 * 1024;

/** Header names recognised as the account column, compared case-insensitively without spaces, `_` or `-`. */
const ACCOUNT_HEADERS = new Set(['account', 'accountid', 'accountnumber', 'billingaccount', 'billingaccountid', 'compte', 'numerodecompte']);

export interface AccountList {
  /** In input order, each once. */
  accounts: string[];
  /** How many lines repeated an account already listed. */
  duplicates: number;
}

/** Reads and parses a list from a stream (a file or stdin); `source` names it in errors. */
export async function readAccountList(stream: AsyncIterable<Buffer | string>, source: string, maxLineBytes = MAX_LINE_BYTES): Promise<AccountList> {
  const lines: string[] = [];
  try {
    for await (const line of boundedLines(stream, maxLineBytes)) lines.push(checkedLine(line, source));
  } catch (error) {
    if (error instanceof InputTooLargeError) {
      throw new UsageError('bulk.input.lineTooLong', { params: { source, line: error.line ?? 0, max: error.maxBytes } });
    }
    throw error;
  }
  return accountsOf(lines);
}

/** Parses a list already in memory (same checks as {@link readAccountList}). */
export function parseAccountList(text: string, source = 'the list'): AccountList {
  return accountsOf(text.split('\n').map((line, index) => checkedLine({ number: index + 1, bytes: Buffer.from(line) }, source)));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The line as text, or a usage error naming its number. */
function checkedLine({ number, bytes }: NumberedLine, source: string): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new UsageError('bulk.input.notUtf8', { params: { source, line: number } });
  }
  if (text.endsWith('\r')) text = text.slice(0, -1);
  const forbidden = forbiddenCharacter(text);
  if (forbidden !== undefined) throw new UsageError('bulk.input.controlCharacter', { params: { source, line: number, character: forbidden } });
  return text;
}

function accountsOf(all: string[]): AccountList {
  // A spreadsheet's "CSV UTF-8" starts with a byte order mark: it is not part of the first name.
  if (all[0]?.startsWith('\uFEFF')) all[0] = all[0].slice(1);
  const lines = all.map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
  let column = 0;
  let separator: CsvSeparator = ',';
  let body = lines;
  const first = lines[0];
  if (first !== undefined) {
    const header = sniffHeader(first);
    if (header.column >= 0) {
      column = header.column;
      separator = header.separator;
      body = lines.slice(1);
    } else if (header.fields > 1) {
      throw new UsageError('bulk.input.noAccountColumn', { params: { header: first.slice(0, 200) } });
    }
  }
  const seen = new Set<string>();
  const accounts: string[] = [];
  let duplicates = 0;
  for (const line of body) {
    const account = (column === 0 && !line.includes(separator) && !line.includes('"') ? line : (splitCsvLine(line, separator)[column] ?? '')).trim();
    if (account === '') continue;
    if (seen.has(account)) duplicates++;
    else {
      seen.add(account);
      accounts.push(account);
    }
  }
  return { accounts, duplicates };
}

/** The separators a CSV account list may use, most common first. */
const SEPARATORS = [',', ';', '\t'] as const;
type CsvSeparator = (typeof SEPARATORS)[number];

/**
 * Which separator the header line uses: the one that splits it into a field naming the account
 * column (the one giving the most fields, should several). `column` is -1 when none does, and
 * `fields` then says whether the line looked like a header at all (more than one field).
 */
function sniffHeader(line: string): { separator: CsvSeparator; column: number; fields: number } {
  let best = { separator: ',' as CsvSeparator, column: -1, fields: 1 };
  for (const separator of SEPARATORS) {
    const headers = splitCsvLine(line, separator);
    const column = headers.findIndex((header) => ACCOUNT_HEADERS.has(normaliseHeader(header)));
    const better = column >= 0 ? best.column < 0 || headers.length > best.fields : best.column < 0 && headers.length > best.fields;
    if (better) best = { separator, column, fields: headers.length };
  }
  return best;
}

function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s_-]/g, '')
    .toLowerCase();
}

/** One CSV line (RFC 4180 quoting; a field does not span lines in an account list). */
export function splitCsvLine(line: string, separator: string = ','): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index]!;
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      fields.push(field.trim());
      field = '';
    } else field += char;
  }
  fields.push(field.trim());
  return fields;
}
