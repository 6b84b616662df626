/** Apple keyboards say ⌘ where others say Ctrl; shortcut hints follow the device. */
export const isApple = typeof navigator !== 'undefined' && /Mac|iPhone|iPad|iPod/.test(navigator.userAgent);
export const modKeyLabel = isApple ? '⌘' : 'Ctrl';
