/**
 * The one error of the bank-file parsers. Imports are all or nothing, so anything that would
 * lose or distort a transaction stops the parse. `problem` is a sentence for the user, `line`
 * the 1-based line of the file where it was found, `file` the uploaded file's name once known.
 */
export class ParseError extends Error {
  constructor(
    readonly problem: string,
    readonly line: number,
    readonly file?: string,
  ) {
    super(file === undefined ? `line ${line}: ${problem}` : `${file}, line ${line}: ${problem}`);
    this.name = 'ParseError';
  }

  inFile(file: string): ParseError {
    return new ParseError(this.problem, this.line, file);
  }
}

export function fail(problem: string, line: number): never {
  throw new ParseError(problem, line);
}

/** Runs `read` and turns a plain Error (from the amount or date helpers) into a ParseError at `line`. */
export function atLine<T>(line: number, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ParseError) throw error;
    throw new ParseError(error instanceof Error ? error.message : String(error), line);
  }
}

/** A value from the file, quoted for a message and cut short: a 40 MB "amount" must not become a 40 MB error. */
export function shown(value: string): string {
  const text = value.trim();
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}
