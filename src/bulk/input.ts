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
import { AccountIds } from './account-ids.js';

/** The longest line of an account list (a CSV export's line with notes fits; a runaway file does not). */
export const MAX_LINE_BYTES = 64 * 1024;

/** Header names recognised as the account column, compared case-insensitively without spaces, `_` or `-`. */
const ACCOUNT_HEADERS = new Set(['account', 'accountid', 'accountnumber', 'billingaccount', 'billingaccountid', 'compte', 'numerodecompte']);

export interface AccountList {
  /** In input order, each once. */
  accounts: AccountIds;
  /** How many lines repeated an account already listed. */
  duplicates: number;
}

/**
 * Reads and parses a list from a stream (a file or stdin); `source` names it in errors. Each line
 * is taken as it comes: only the accounts are kept, as bytes (account-ids.ts), so that a list of
 * 100,000 accounts costs about what its ids do, not several copies of it.
 */
export async function readAccountList(stream: AsyncIterable<Buffer | string>, source: string, maxLineBytes = MAX_LINE_BYTES): Promise<AccountList> {
  const collector = new AccountCollector();
  try {
    for await (const line of boundedLines(stream, maxLineBytes)) collector.add(checkedLine(line, source));
  } catch (error) {
    if (error instanceof InputTooLargeError) {
      throw new UsageError('bulk.input.lineTooLong', { params: { source, line: error.line ?? 0, max: error.maxBytes } });
    }
    throw error;
  }
  return collector.list();
}

/** Parses a list already in memory (same checks as {@link readAccountList}). */
export function parseAccountList(text: string, source = 'the list'): AccountList {
  const collector = new AccountCollector();
  text.split('\n').forEach((line, index) => collector.add(checkedLine({ number: index + 1, bytes: Buffer.from(line) }, source)));
  return collector.list();
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

/**
 * The accounts of a list, line by line: blank lines and comments skipped, the first other line
 * sniffed for a CSV header (which then names the column to read), each account kept once.
 */
class AccountCollector {
  private firstLine = true;
  private sniffed = false;
  private column = 0;
  private separator: CsvSeparator = ',';
  private readonly accounts = new AccountIds();
  private duplicates = 0;

  add(text: string): void {
    // A spreadsheet's "CSV UTF-8" starts with a byte order mark: it is not part of the first name.
    const raw = this.firstLine && text.startsWith('\uFEFF') ? text.slice(1) : text;
    this.firstLine = false;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (!this.sniffed) {
      this.sniffed = true;
      const header = sniffHeader(line);
      if (header.column >= 0) {
        this.column = header.column;
        this.separator = header.separator;
        return;
      }
      if (header.fields > 1) throw new UsageError('bulk.input.noAccountColumn', { params: { header: line.slice(0, 200) } });
    }
    const { column, separator } = this;
    const account = (column === 0 && !line.includes(separator) && !line.includes('"') ? line : (splitCsvLine(line, separator)[column] ?? '')).trim();
    if (account === '') return;
    if (!this.accounts.add(account)) this.duplicates++;
  }

  list(): AccountList {
    return { accounts: this.accounts.seal(), duplicates: this.duplicates };
  }
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
