/**
 * The one error of the iCalendar core. An import is all or nothing, so any problem that
 * would lose or distort data stops it. `message` is the problem as a sentence for the user;
 * `line` (1-based, of the file as given: the line on which the offending content line or
 * component begins) and `component` (VEVENT, VTIMEZONE...) say where, when that is known.
 */
export class IcsError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
    readonly component: string | null,
  ) {
    super(message);
    this.name = 'IcsError';
  }

  /** "line 12 (VEVENT)", "line 3", "VEVENT" or "". */
  get where(): string {
    if (this.line === null) return this.component ?? '';
    return this.component === null ? `line ${this.line}` : `line ${this.line} (${this.component})`;
  }
}

export function fail(problem: string, line: number | null = null, component: string | null = null): never {
  throw new IcsError(problem, line, component);
}
