/**
 * The account list of a bulk run: one id per line, or a CSV whose header names the account
 * column. Blank lines and `#` comments are ignored, and an account listed twice is looked up once.
 */
import { UsageError } from '../errors.js';

/** Header names recognised as the account column, compared case-insensitively without spaces, `_` or `-`. */
const ACCOUNT_HEADERS = new Set(['account', 'accountid', 'accountnumber', 'billingaccount', 'billingaccountid', 'compte', 'numerodecompte']);

export interface AccountList {
  /** In input order, each once. */
  accounts: string[];
  /** How many lines repeated an account already listed. */
  duplicates: number;
}

export function parseAccountList(text: string): AccountList {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
  let column = 0;
  let body = lines;
  const first = lines[0];
  if (first !== undefined) {
    const headers = splitCsvLine(first);
    const found = headers.findIndex((header) => ACCOUNT_HEADERS.has(normaliseHeader(header)));
    if (found >= 0) {
      column = found;
      body = lines.slice(1);
    } else if (headers.length > 1) {
      throw new UsageError('bulk.input.noAccountColumn', { params: { header: first.slice(0, 200) } });
    }
  }
  const seen = new Set<string>();
  const accounts: string[] = [];
  let duplicates = 0;
  for (const line of body) {
    const account = (column === 0 && !line.includes(',') && !line.includes('"') ? line : splitCsvLine(line)[column] ?? '').trim();
    if (account === '') continue;
    if (seen.has(account)) duplicates++;
    else {
      seen.add(account);
      accounts.push(account);
    }
  }
  return { accounts, duplicates };
}

function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s_-]/g, '')
    .toLowerCase();
}

/** One CSV line (RFC 4180 quoting; a field does not span lines in an account list). */
export function splitCsvLine(line: string): string[] {
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
    else if (char === ',') {
      fields.push(field.trim());
      field = '';
    } else field += char;
  }
  fields.push(field.trim());
  return fields;
}
