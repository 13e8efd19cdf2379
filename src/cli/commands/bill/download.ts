/** `espace bill download [BILL|latest] [-o FILE] [--force]`: the bill's PDF, written atomically. */
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fetchBillDocument } from '../../../api/tmf/bill-document.js';
import { GeneralError, UsageError } from '../../../errors.js';
import { FileExistsError, writeFileAtomically } from '../../../atomic-file.js';
import { toJson } from '../../../output/formats.js';
import { sanitizeCell } from '../../../output/sanitize.js';
import type { CommandDeps } from '../../command-deps.js';
import { resolveBillId } from './resolve.js';

export interface BillDownloadOptions {
  /** A bill id, or `latest`. */
  bill: string;
  /** A file or directory name, `-` for stdout; by default `facture-<number>.pdf` or `bill-<number>.pdf`. */
  output?: string;
  force: boolean;
  account?: string;
}

/** Bill numbers come from the server: keep only what is safe in a file name. */
function defaultFileName(stem: string, billNumber: string): string {
  return `${stem}-${billNumber.replace(/[^\w.-]+/g, '_')}.pdf`;
}

export async function run(options: BillDownloadOptions, ctx: CommandDeps): Promise<void> {
  const { io, t } = ctx;
  const toStdout = options.output === '-';
  // Checked before any request: a PDF on a terminal is garbage, and nothing needs to be fetched.
  if (toStdout && io.stdoutIsTTY) throw new UsageError('bill.download.stdoutIsTerminal');
  const api = await ctx.api();
  const billId = await resolveBillId(api, options.bill, options.account);
  const document = await io.waitFor(t('core.waiting', { what: t('core.waiting.pdf') }), fetchBillDocument(api, billId, ctx.lang));

  if (toStdout) {
    await new Promise<void>((done, fail) => io.stdout.write(document.bytes, (error) => (error ? fail(error) : done())));
    return;
  }
  const fileName = defaultFileName(t('bill.download.fileStem'), document.billNumber);
  // `-o DIR` means "into DIR", as with cp.
  const intoDirectory = options.output !== undefined && (await stat(options.output).catch(() => undefined))?.isDirectory();
  const path = options.output === undefined ? fileName : intoDirectory ? join(options.output, fileName) : options.output;
  try {
    await writeFileAtomically(path, document.bytes, { overwrite: options.force });
  } catch (error) {
    if (error instanceof FileExistsError) throw new UsageError('bill.download.exists', { params: { path } });
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new GeneralError('bill.download.writeFailed', { params: { path, reason }, cause: error });
  }
  if (ctx.globals.json) {
    io.out(toJson({ id: document.billId, number: document.billNumber, path: resolve(path), bytes: document.bytes.length }));
    return;
  }
  io.err(`${t('bill.download.saved', { number: sanitizeCell(document.billNumber), path, size: document.bytes.length })}\n`);
}
