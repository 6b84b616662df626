/** Lets anything (the command palette, a Home card) open quick add without importing its UI. */
const bus = new EventTarget();

export const quickAdd = {
  open: () => bus.dispatchEvent(new Event('open')),
  subscribe: (fn: () => void) => {
    bus.addEventListener('open', fn);
    return () => bus.removeEventListener('open', fn);
  },
};
