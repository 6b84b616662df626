import { useState } from 'react';
import type { z } from 'zod';
import { ApiError } from '../app/api';
import { notifyError } from '../app/notify';

type Labels<F extends string> = Record<F, string>;
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/**
 * Field problems arrive as "must be at least 8 characters" (from the API's `fields` or from
 * the shared zod schema); the label makes them a sentence: "Password must be at least 8 characters".
 */
function sentence(label: string, problem: string): string {
  return `${label} ${problem}`;
}

/**
 * Error handling for one form: field errors go next to their field, anything else
 * (a conflict without fields, a rate limit, a network failure) becomes a toast,
 * unless the form wants it inline through `formError`.
 */
export function useFormErrors<F extends string>(labels: Labels<F>) {
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<F>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const known = (key: string): key is F => Object.hasOwn(labels, key);

  function collect(entries: [string, string][]): FieldErrors<F> {
    const next: FieldErrors<F> = {};
    for (const [key, problem] of entries) {
      if (known(key) && next[key] === undefined) next[key] = sentence(labels[key], problem);
    }
    return next;
  }

  /** Checks input against a shared contract schema before sending; returns the parsed value or null. */
  function validate<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> | null {
    const parsed = schema.safeParse(input);
    if (parsed.success) {
      setFieldErrors({});
      setFormError(null);
      return parsed.data;
    }
    setFieldErrors(collect(parsed.error.issues.map((issue) => [String(issue.path[0] ?? ''), issue.message])));
    return null;
  }

  /** For a failed API call. `inline` lists error codes shown inside the form rather than toasted. */
  function handle(error: unknown, inline: string[] = []): void {
    if (error instanceof ApiError) {
      const next = collect(Object.entries(error.fields));
      setFieldErrors(next);
      if (Object.keys(next).length > 0) return;
      if (inline.includes(error.code)) {
        setFormError(error.message);
        return;
      }
    }
    notifyError(error);
  }

  function clear(field: F): void {
    if (fieldErrors[field] !== undefined) setFieldErrors((prev) => ({ ...prev, [field]: undefined }));
    if (formError !== null) setFormError(null);
  }

  function reset(): void {
    setFieldErrors({});
    setFormError(null);
  }

  return { fieldErrors, formError, validate, handle, clear, reset, setFieldErrors };
}
