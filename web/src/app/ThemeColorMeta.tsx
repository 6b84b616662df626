import { useComputedColorScheme } from '@mantine/core';
import { useEffect } from 'react';

const chrome = { light: '#fbfbfc', dark: '#151619' };

/**
 * The browser and installed-app title bar follow the theme chosen in Atom, not only the
 * device setting that the <meta media> queries in index.html can see.
 */
export function ThemeColorMeta() {
  const scheme = useComputedColorScheme('light');
  useEffect(() => {
    for (const meta of document.querySelectorAll('meta[name="theme-color"]')) meta.setAttribute('content', chrome[scheme]);
  }, [scheme]);
  return null;
}
