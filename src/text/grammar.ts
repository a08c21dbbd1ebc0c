/**
 * Small pieces of English grammar the catalogues share: counts with the right noun, lists joined
 * with "or", a capital at the start.
 */

/** `1 child`, `3 children`. */
export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** `a`, `a or b`, `a, b or c`. */
export function listOr(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items.at(-1)}` : (items[0] ?? '');
}

/** `a`, `a and b`, `a, b and c`. */
export function listAnd(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '');
}

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
