/**
 * Content lines to a tree of components (BEGIN/END), with the structural checks and the
 * size limit: a file is refused at its 100,001st component, before the rest is read.
 */
import { fail, IcsError } from './errors.js';
import { excerpt, type ContentLine } from './lines.js';

export interface Component {
  /** Upper case: VCALENDAR, VEVENT, VALARM, STANDARD... */
  name: string;
  /** The line of its BEGIN. */
  line: number;
  props: ContentLine[];
  children: Component[];
}

export const MAX_COMPONENTS = 100_000;
const MAX_DEPTH = 20;

/** The VCALENDARs of a file (usually one; some tools concatenate several). */
export function buildTree(lines: Iterable<ContentLine>): Component[] {
  const calendars: Component[] = [];
  const stack: Component[] = [];
  let count = 0;
  let seenAny = false;
  for (const line of withComponent(lines, stack)) {
    const parent = stack[stack.length - 1];
    if (!seenAny && !(line.name === 'BEGIN' && line.value.trim().toUpperCase() === 'VCALENDAR')) {
      fail(`this is not iCalendar data: it must start with BEGIN:VCALENDAR, not "${excerpt(line.raw)}"`, line.line);
    }
    seenAny = true;
    if (line.name === 'BEGIN') {
      const name = line.value.trim().toUpperCase();
      if (!/^[A-Z0-9-]+$/.test(name)) fail(`BEGIN needs a component name, not "${excerpt(line.value)}"`, line.line, parent?.name ?? null);
      if (++count > MAX_COMPONENTS) fail(`the file has more than ${MAX_COMPONENTS.toLocaleString('en-US')} components`, line.line, name);
      if (stack.length >= MAX_DEPTH) fail(`components are nested more than ${MAX_DEPTH} deep`, line.line, name);
      if (parent === undefined && name !== 'VCALENDAR') fail(`${name} must be inside a VCALENDAR`, line.line, name);
      const component: Component = { name, line: line.line, props: [], children: [] };
      (parent?.children ?? calendars).push(component);
      stack.push(component);
    } else if (line.name === 'END') {
      const name = line.value.trim().toUpperCase();
      if (parent === undefined) fail(`END:${name} without a matching BEGIN`, line.line, name);
      if (name !== parent.name) fail(`END:${name} does not close BEGIN:${parent.name} (line ${parent.line})`, line.line, parent.name);
      stack.pop();
    } else {
      if (parent === undefined) fail(`${line.name} is outside any component (after END:VCALENDAR)`, line.line);
      parent.props.push(line);
    }
  }
  if (!seenAny) fail('the file is empty: there is no BEGIN:VCALENDAR');
  const open = stack[stack.length - 1];
  if (open) fail(`BEGIN:${open.name} is never closed by END:${open.name} (the file ends first)`, open.line, open.name);
  return calendars;
}

/** The lines, with a problem in one of them blamed on the component it is in. */
function* withComponent(lines: Iterable<ContentLine>, stack: Component[]): Generator<ContentLine> {
  const iterator = lines[Symbol.iterator]();
  for (;;) {
    let next: IteratorResult<ContentLine>;
    try {
      next = iterator.next();
    } catch (error) {
      const open = stack[stack.length - 1];
      if (error instanceof IcsError && error.component === null && error.line !== null && open) {
        fail(error.message, error.line, open.name);
      }
      throw error;
    }
    if (next.done === true) return;
    yield next.value;
  }
}

/** The first property of that name, or null. */
export function prop(component: Component, name: string): ContentLine | null {
  return component.props.find((p) => p.name === name) ?? null;
}

export function props(component: Component, name: string): ContentLine[] {
  return component.props.filter((p) => p.name === name);
}

/** Every component in the tree, depth first, the given ones included. */
export function* allComponents(roots: Component[]): Generator<Component> {
  for (const root of roots) {
    yield root;
    yield* allComponents(root.children);
  }
}

/** The unfolded text of a component, as one CRLF string (for ical.js). */
export function componentText(component: Component): string {
  const out = [`BEGIN:${component.name}`, ...component.props.map((p) => p.raw)];
  for (const child of component.children) out.push(componentText(child));
  out.push(`END:${component.name}`);
  return out.join('\r\n');
}
