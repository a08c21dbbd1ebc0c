/**
 * The one escaping function for outside text (names, notes) that reaches an Adaptive Card's text or
 * a Teams chat message: it always shows as text, never as a link or formatting. The Teams
 * catalogue (src/text/teams) calls it on every name and note it puts in a sentence, so callers pass
 * raw names in and never escape by hand. Plain-text places (button titles, tooltips, image alt
 * text, lock-screen previews) are not markdown and take names as they are.
 */

/** Markdown characters that could turn text into a link, emphasis, code, a heading or a quote. */
const MARKDOWN = /[\\`*_[\]()#>~<|]/g;
/** A list marker at the start of a line: `- `, `+ `, `1. `, `1) `. */
const LIST_START = /^(\s*)([-+]|\d+[.)])(?=\s|$)/gm;
/**
 * A web address scheme (`https://`), or a dot that could join a domain name (`www.`, `evil.example`,
 * `a@b.com`): between letters or digits, with two or more after it. Initials ("L.K.") are left alone.
 */
const LINKABLE = /(:)(?=\/\/)|(?<=[\p{L}\p{N}])(\.)(?=[\p{L}\p{N}]{2})/gu;
/** An invisible WORD JOINER: breaks what a client would turn into a link, and reads the same. */
const JOINER = '\u2060';

/**
 * Escapes outside text for Adaptive Card markdown and Teams messages. Markdown characters get a
 * backslash; a list marker at the start of a line gets one too; and anything a client would turn
 * into a link by itself (a bare web address, a domain, an email address) gets an invisible joiner
 * inside it, so it reads the same but is not a link. Ordinary punctuation, such as the full stop in
 * "Amira K.", is left alone so names read naturally.
 */
export function escapeCardText(text: string): string {
  return text
    .replace(MARKDOWN, (c) => `\\${c}`)
    .replace(LIST_START, (_, space: string, marker: string) =>
      marker.length === 1 ? `${space}\\${marker}` : `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}`,
    )
    .replace(LINKABLE, (c) => `${c}${JOINER}`);
}
