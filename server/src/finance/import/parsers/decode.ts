/**
 * Uploaded bytes -> text. Bank files are UTF-8, UTF-16 (some Windows exports) or the
 * Windows code page their header names (OFX `CHARSET:1252`, XML `encoding="ISO-8859-1"`);
 * a file that says nothing and is not valid UTF-8 is read as Windows-1252, the code page
 * of nearly every legacy banking export, and the caller is told so.
 */
export interface DecodedFile {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  /** True when the encoding was a guess (invalid UTF-8, no declaration). */
  guessed: boolean;
}

/**
 * Node's TextDecoder reads 'windows-1252' as ISO-8859-1, which turns 0x80-0x9F (€, ‚, „, …,
 * curly quotes, Š, Ž, ™) into control characters; those 32 bytes are mapped here.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

const SINGLE_BYTE = /CHARSET:\s*(?:1252|ISO-8859-1|8859-1|WINDOWS-1252)\b|encoding=["'](?:ISO-8859-1|ISO-8859-15|windows-1252|latin1)["']/i;

export function decodeBankFile(bytes: Uint8Array): DecodedFile {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', guessed: false };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', guessed: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', guessed: false };
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (SINGLE_BYTE.test(head)) return { text: decodeWindows1252(bytes), encoding: 'windows-1252', guessed: false };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', guessed: false };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', guessed: true };
  }
}
