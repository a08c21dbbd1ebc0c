/**
 * The one escaping function for outside text (names, notes) that reaches an Adaptive Card or a
 * Teams message: it always shows as text, never as a link or formatting.
 */
/**
 * Escapes the Adaptive Card markdown that could turn outside text into a link or formatting
 * (brackets, parentheses, emphasis, code, headings, quotes). Ordinary punctuation such as the full
 * stop in "Amira K." is left alone so names read naturally.
 */
export function escapeCardText(text: string): string {
  return text.replace(/[\\`*_[\]()#>~]/g, (c) => `\\${c}`);
}
