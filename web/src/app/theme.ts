import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/** A cool neutral dark palette: calmer than pure grey, and every text shade passes WCAG AA. */
const dark: MantineColorsTuple = [
  '#e3e5ea', // text
  '#c4c7cf',
  '#a1a5af', // dimmed text (6:1 on cards)
  '#7b7f8a', // placeholders
  '#41444c', // borders
  '#33353c', // hover
  '#26282d', // cards, inputs
  '#1b1c20', // body
  '#151619', // chrome (header, navigation)
  '#0f1012',
];

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 7 keeps white text on filled buttons above 4.5:1 in both schemes.
  primaryShade: { light: 7, dark: 7 },
  colors: { dark },
  defaultRadius: 'md',
  cursorType: 'pointer',
  fontFamily: 'Inter, "Inter Variable", system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: '"JetBrains Mono", ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  headings: {
    fontWeight: '600',
    sizes: {
      h1: { fontSize: '1.625rem', lineHeight: '1.25' },
      h2: { fontSize: '1.25rem', lineHeight: '1.3' },
      h3: { fontSize: '1.0625rem', lineHeight: '1.35' },
    },
  },
  focusRing: 'auto',
  components: {
    Card: { defaultProps: { withBorder: true, radius: 'lg', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'lg' } },
    Button: { defaultProps: { radius: 'md' } },
    TextInput: { defaultProps: { radius: 'md' } },
    PasswordInput: { defaultProps: { radius: 'md' } },
    Tooltip: { defaultProps: { openDelay: 400, withArrow: true } },
    // Links inside text must not rely on colour alone (WCAG 1.4.1).
    Anchor: { defaultProps: { underline: 'always' } },
    Notification: {
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } },
      // The default description grey is 3.3:1 on white.
      styles: { description: { color: 'var(--mantine-color-dimmed)' } },
    },
  },
});

/**
 * Mantine's default dimmed, error and link colours, and the text of "light" variants (alerts,
 * badges, tinted icons) on their tinted backgrounds, fall under 4.5:1 contrast; these do not.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5f6670',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
    '--mantine-color-anchor': 'var(--mantine-color-indigo-8)',
    '--mantine-color-placeholder': '#868e96',
    '--mantine-color-indigo-light-color': 'var(--mantine-color-indigo-8)',
    '--mantine-primary-color-light-color': 'var(--mantine-color-indigo-8)',
    '--mantine-color-red-light-color': 'var(--mantine-color-red-9)',
    '--mantine-color-teal-light-color': '#086b4d',
    '--atom-chrome': '#fbfbfc',
    '--atom-subtle-border': 'var(--mantine-color-gray-2)',
  },
  dark: {
    '--mantine-color-error': 'var(--mantine-color-red-4)',
    '--mantine-color-anchor': 'var(--mantine-color-indigo-3)',
    '--mantine-color-indigo-light-color': 'var(--mantine-color-indigo-3)',
    '--mantine-primary-color-light-color': 'var(--mantine-color-indigo-3)',
    '--mantine-color-red-light-color': 'var(--mantine-color-red-3)',
    '--atom-chrome': 'var(--mantine-color-dark-8)',
    '--atom-subtle-border': 'var(--mantine-color-dark-5)',
  },
});
