/**
 * Which parser a file needs, from its content first (banks name files badly: "export.txt",
 * "Umsaetze.CSV", an OFX saved as .qbo) and its extension only to tell QFX from OFX.
 */
import type { BankFileFormat } from './types.js';

export function detectFormat(fileName: string, text: string): BankFileFormat | null {
  const head = text.slice(0, 4096).replace(/^\ufeff/, '');
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (/OFXHEADER\s*[:=]/i.test(head) || /<OFX>/i.test(head)) {
    return extension === 'qfx' || /<INTU\.BID>/i.test(text.slice(0, 16384)) ? 'qfx' : 'ofx';
  }
  if (/^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:\w+:)?Document\b/.test(head)) {
    return /camt\.053\./.test(head) ? 'camt053' : null;
  }
  const firstLine = /^\s*(\S[^\r\n]*)/.exec(head)?.[1] ?? '';
  if (/^!(?:Type|Account|Option|Clear)\b/i.test(firstLine)) return 'qif';
  if (/[,;\t|]/.test(firstLine) || extension === 'csv' || extension === 'tsv') return 'csv';
  return null;
}
