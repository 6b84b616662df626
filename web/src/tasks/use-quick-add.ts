import type { QuickAddParse, Task } from '@atom/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../app/api';
import { refreshTasks, tasksApi } from './tasks-api';

const DEBOUNCE_MS = 150;

/**
 * The quick-add line: what the server understands of it (asked ~150 ms after typing stops,
 * nothing written), and creating the task on submit. A parse that arrives for older text
 * than what is now typed is dropped.
 */
export function useQuickAdd(projectId: string | undefined, onAdded: (task: Task) => void) {
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [parsed, setParsed] = useState<{ text: string; result: QuickAddParse } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [nonce, setNonce] = useState(0);
  const latest = useRef('');

  useEffect(() => {
    latest.current = text;
    const trimmed = text.trim();
    if (!trimmed) return;
    const timer = setTimeout(() => {
      tasksApi
        .parse({ text: trimmed, ...(projectId ? { projectId } : {}) })
        .then((result) => {
          if (latest.current === text) setParsed({ text, result });
        })
        .catch(() => undefined);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, projectId, nonce]);

  const add = useMutation({
    mutationFn: (line: string) => tasksApi.quickAdd({ text: line, ...(projectId ? { projectId } : {}) }),
    onSuccess: ({ task }) => {
      setText('');
      setParsed(null);
      setError(null);
      onAdded(task);
    },
    onError: (e) => setError(e instanceof ApiError ? (e.fields.text ?? e.message) : String(e)),
    onSettled: () => refreshTasks(client),
    meta: { handlesErrors: true },
  });

  const change = (value: string) => {
    setText(value);
    setError(null);
    if (!value.trim()) setParsed(null);
  };

  const submit = () => {
    const line = text.trim();
    if (!line || add.isPending) return;
    add.mutate(line);
  };

  return {
    text,
    change,
    submit,
    /** The latest understanding (possibly of slightly older text: highlights check their spans). */
    parsed: text.trim() ? (parsed?.result ?? null) : null,
    error,
    pending: add.isPending,
    /** Ask again, e.g. after creating the project the text names. */
    reparse: () => setNonce((n) => n + 1),
  };
}
