/** Debian's Chromium unless ATOM_CHROMIUM points elsewhere (the same variable scripts/test.mjs reads). */
export const chromiumPath = process.env.ATOM_CHROMIUM ?? '/usr/bin/chromium';
