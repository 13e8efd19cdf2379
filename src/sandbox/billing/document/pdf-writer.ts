/**
 * A small PDF 1.4 writer for text documents: pages of positioned text in Helvetica (regular and
 * bold, two of the 14 standard fonts every reader has, so nothing is embedded) and thin rules.
 * Text is encoded in WinAnsiEncoding, which covers French (é, à, ç, «, –, ’); each non-ASCII byte
 * is written as an octal escape, so the whole file is 7-bit ASCII and byte-identical for
 * identical input (no timestamps, no random ids).
 */

export type FontStyle = 'regular' | 'bold';

export interface TextOptions {
  style?: FontStyle;
  size?: number;
  /** `right` puts the end of the text at x (amounts in a column). */
  align?: 'left' | 'right';
}

export interface PdfInfo {
  title: string;
  /** ISO date-time; written as the document's creation date (derived from the content, never the clock). */
  createdAt?: string;
}

/** US Letter, in points. */
export const PAGE_WIDTH = 612;
export const PAGE_HEIGHT = 792;

const FONT_RESOURCE: Record<FontStyle, string> = { regular: 'F1', bold: 'F2' };

/** Code points outside Latin-1 that WinAnsiEncoding places in 0x80–0x9F. */
const WIN_ANSI_EXTRAS: ReadonlyMap<number, number> = new Map([
  [0x20ac, 0x80],
  [0x201a, 0x82],
  [0x0192, 0x83],
  [0x201e, 0x84],
  [0x2026, 0x85],
  [0x2020, 0x86],
  [0x2021, 0x87],
  [0x02c6, 0x88],
  [0x2030, 0x89],
  [0x0160, 0x8a],
  [0x2039, 0x8b],
  [0x0152, 0x8c],
  [0x017d, 0x8e],
  [0x2018, 0x91],
  [0x2019, 0x92],
  [0x201c, 0x93],
  [0x201d, 0x94],
  [0x2022, 0x95],
  [0x2013, 0x96],
  [0x2014, 0x97],
  [0x02dc, 0x98],
  [0x2122, 0x99],
  [0x0161, 0x9a],
  [0x203a, 0x9b],
  [0x0153, 0x9c],
  [0x017e, 0x9e],
  [0x0178, 0x9f],
  // Spaces Intl uses in French amounts (narrow no-break, thin): the no-break space.
  [0x202f, 0xa0],
  [0x2009, 0xa0],
  [0x2212, 0x2d],
]);

/** Characters the encoding lacks get a readable ASCII stand-in rather than disappearing. */
const FALLBACKS: ReadonlyMap<string, string> = new Map([
  ['→', '->'],
  ['←', '<-'],
  ['≤', '<='],
  ['≥', '>='],
]);

/** The WinAnsiEncoding bytes of a string. */
export function winAnsiBytes(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0) ?? 0x3f;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else if (WIN_ANSI_EXTRAS.has(code)) bytes.push(WIN_ANSI_EXTRAS.get(code)!);
    else if (FALLBACKS.has(char)) bytes.push(...[...FALLBACKS.get(char)!].map((c) => c.charCodeAt(0)));
    else if (code === 0x09 || code === 0x0a || code === 0x0d) bytes.push(0x20);
    else if (code >= 0x20) bytes.push(0x3f);
  }
  return bytes;
}

/** A PDF literal string, ASCII only: parentheses and backslashes escaped, other bytes in octal. */
function literal(text: string): string {
  let out = '(';
  for (const byte of winAnsiBytes(text)) {
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else if (byte < 0x20 || byte > 0x7e) out += `\\${byte.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(byte);
  }
  return `${out})`;
}

/**
 * Advance widths (1/1000 em) of the characters amounts are made of; Helvetica and Helvetica-Bold
 * agree on all of them. Other characters count as a digit: right alignment is only used for amounts.
 */
const AMOUNT_WIDTHS: Readonly<Record<string, number>> = {
  ' ': 278,
  '\u00a0': 278,
  '\u202f': 278,
  ',': 278,
  '.': 278,
  '-': 333,
  $: 556,
  '(': 333,
  ')': 333,
  '%': 889,
  '+': 584,
};

export function textWidth(text: string, size: number): number {
  let units = 0;
  for (const char of text) units += AMOUNT_WIDTHS[char] ?? 556;
  return (units * size) / 1000;
}

function number(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** ISO date-time → PDF date (D:YYYYMMDDHHmmSSZ). */
function pdfDate(iso: string): string | undefined {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return undefined;
  return `D:${new Date(time).toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

export class PdfWriter {
  readonly #pages: string[][] = [[]];

  /** Starts a new page; drawing goes there from now on. */
  addPage(): void {
    this.#pages.push([]);
  }

  get pageCount(): number {
    return this.#pages.length;
  }

  text(x: number, y: number, text: string, options: TextOptions = {}): void {
    const size = options.size ?? 10;
    const left = options.align === 'right' ? x - textWidth(text, size) : x;
    this.#current().push(`BT /${FONT_RESOURCE[options.style ?? 'regular']} ${number(size)} Tf ${number(left)} ${number(y)} Td ${literal(text)} Tj ET`);
  }

  rule(x1: number, y: number, x2: number, width = 0.5): void {
    this.#current().push(`${number(width)} w ${number(x1)} ${number(y)} m ${number(x2)} ${number(y)} l S`);
  }

  /** The finished file. */
  render(info: PdfInfo): Buffer {
    const objects: string[] = [];
    // Fixed numbering: 1 catalog, 2 page tree, 3–4 fonts, 5 info, then a page and its content per page.
    const pageIds = this.#pages.map((_, index) => 6 + index * 2);
    objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
    objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
    objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
    objects[4] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>';
    const created = info.createdAt ? pdfDate(info.createdAt) : undefined;
    objects[5] = `<< /Title ${literal(info.title)} /Producer (espace sandbox)${created ? ` /CreationDate (${created})` : ''} >>`;
    this.#pages.forEach((operations, index) => {
      const pageId = pageIds[index]!;
      const content = operations.join('\n');
      objects[pageId] =
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] ` +
        `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageId + 1} 0 R >>`;
      objects[pageId + 1] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
    });

    let out = '%PDF-1.4\n';
    const offsets: number[] = [];
    for (let id = 1; id < objects.length; id++) {
      offsets[id] = out.length;
      out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
    }
    const xref = out.length;
    out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
    for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
    out += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    // Everything above is ASCII, so string offsets are byte offsets.
    return Buffer.from(out, 'latin1');
  }

  #current(): string[] {
    return this.#pages[this.#pages.length - 1]!;
  }
}
