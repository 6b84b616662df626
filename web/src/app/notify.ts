import { notifications } from '@mantine/notifications';
import { ApiError } from './api';

export function notifySuccess(message: string, title?: string): void {
  notifications.show({ color: 'teal', title, message, autoClose: 4000 });
}

export function notifyError(error: unknown, title = 'Something went wrong'): void {
  const message = error instanceof Error ? error.message : String(error);
  // One toast per distinct problem: repeated failures (retries, refetches) do not pile up.
  const id = error instanceof ApiError ? `api-error-${error.code}` : undefined;
  notifications.show({ id, color: 'red', title, message, autoClose: 7000 });
}
