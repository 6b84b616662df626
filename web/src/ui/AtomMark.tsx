import { useId } from 'react';

/** The Atom logo: a nucleus with one orbiting electron, inline so it needs no request. */
export function AtomMark({ size = 28 }: { size?: number }) {
  // useId output may contain characters that are awkward inside url(#...).
  const gradient = `atom-mark-${useId().replace(/[^\w-]/g, '')}`;
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id={gradient} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#5c7cfa" />
          <stop offset="1" stopColor="#4c2fc4" />
        </linearGradient>
      </defs>
      <rect width="64" height="64" rx="16" fill={`url(#${gradient})`} />
      <ellipse cx="32" cy="32" rx="21" ry="9.5" transform="rotate(-30 32 32)" fill="none" stroke="#fff" strokeWidth="3.2" opacity="0.9" />
      <circle cx="32" cy="32" r="7" fill="#fff" />
      <circle cx="42.7" cy="18.4" r="3.8" fill="#fff" />
    </svg>
  );
}
