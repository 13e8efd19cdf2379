/** The PDF writer read back by a real PDF reader (poppler's pdftotext and pdfinfo). */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PdfWriter, winAnsiBytes } from '../../src/sandbox/billing/document/pdf-writer.js';

const text = (pdf: Buffer) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');

describe('PdfWriter', () => {
  it('writes French text that survives extraction, in a 7-bit ASCII file', () => {
    const pdf = new PdfWriter();
    pdf.text(56, 700, 'Télé – Base + 10 chaînes, à la carte « Super Écran » d’été (œuvre) 1 234,56 $');
    pdf.text(556, 680, '-10,00 $', { style: 'bold', align: 'right' });
    const bytes = pdf.render({ title: 'Facture été', createdAt: '2026-11-01T12:00:00Z' });
    expect([...bytes].every((byte) => byte < 0x80)).toBe(true);
    const extracted = text(bytes).replace(/\u00a0/g, ' ');
    expect(extracted).toContain('Télé – Base + 10 chaînes, à la carte « Super Écran » d’été (œuvre) 1 234,56 $');
    expect(extracted).toContain('-10,00 $');
    const info = execFileSync('pdfinfo', ['-'], { input: bytes }).toString('utf8');
    expect(info).toMatch(/Title:\s+Facture été/);
    expect(info).toMatch(/Pages:\s+1/);
  });

  it('has an exact cross-reference table and several pages when asked', () => {
    const pdf = new PdfWriter();
    pdf.text(56, 700, 'first page');
    pdf.addPage();
    pdf.text(56, 700, 'second page');
    pdf.rule(56, 690, 556);
    const bytes = pdf.render({ title: 'two pages' });
    const file = bytes.toString('latin1');
    const xref = Number(/startxref\n(\d+)/.exec(file)![1]);
    const entries = file
      .slice(xref)
      .split('\n')
      .slice(3)
      .filter((row) => / n $/.test(row));
    entries.forEach((row, index) => expect(file.slice(Number(row.slice(0, 10))).startsWith(`${index + 1} 0 obj`)).toBe(true));
    expect(execFileSync('pdfinfo', ['-'], { input: bytes }).toString()).toMatch(/Pages:\s+2/);
    expect(text(bytes)).toMatch(/first page[\s\S]*\f[\s\S]*second page/);
  });

  it('maps what WinAnsiEncoding lacks to readable stand-ins', () => {
    expect(Buffer.from(winAnsiBytes('50,00 $ → 55,00 $')).toString('latin1')).toBe('50,00 $ -> 55,00 $');
    expect(winAnsiBytes('\u202f€')).toEqual([0xa0, 0x80]);
    expect(winAnsiBytes('漢')).toEqual([0x3f]);
  });
});
