import { Tooltip } from '@mantine/core';
import { useUser } from '../app/auth';
import { formatDate, formatDateTime, formatRelative } from './format';

interface Props {
  iso: string;
  /** `relative` says "3 days ago" with the exact time on hover; `date` shows the day only. */
  style?: 'relative' | 'date' | 'datetime';
}

/** A <time> element: machine-readable value, human wording in the user's locale and time zone. */
export function DateText({ iso, style = 'datetime' }: Props) {
  const { timeZone } = useUser();
  const exact = formatDateTime(iso, timeZone);
  const text = style === 'relative' ? formatRelative(iso) : style === 'date' ? formatDate(iso, timeZone) : exact;
  return (
    <Tooltip label={exact} disabled={text === exact}>
      <time dateTime={iso}>{text}</time>
    </Tooltip>
  );
}
