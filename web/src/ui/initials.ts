/** "Ada Lovelace" → "AL"; one word gives one letter; works for any script, not only Latin. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0] ? Array.from(words[0])[0] : undefined;
  const last = words.length > 1 ? Array.from(words[words.length - 1]!)[0] : undefined;
  return `${first ?? '?'}${last ?? ''}`.toUpperCase();
}
