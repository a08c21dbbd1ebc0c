/**
 * Refusing text that is not UTF-8. A decoder would quietly put U+FFFD in place of each bad byte,
 * and a child's name would be stored wrong with nobody told; instead the feed and the CSV import
 * say where the first bad byte is (the line, counted from 1) and write nothing.
 */
import { isUtf8 } from 'node:buffer';
import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';

/** Where the first byte that does not belong to a UTF-8 character is, or -1 when all are good. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  if (isUtf8(bytes)) return -1;
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  // Only a character cut off at the very end is left.
  return bytes.length;
}

/**
 * The length of the well-formed UTF-8 character at `i` (RFC 3629: no overlong forms, no
 * surrogates, nothing past U+10FFFF), or 0 when there is none.
 */
function sequenceLength(b: Uint8Array, i: number): number {
  const first = b[i] as number;
  if (first < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const byte = b[i + k];
    return byte !== undefined && byte >= lo && byte <= hi;
  };
  if (first >= 0xc2 && first <= 0xdf) return cont(1) ? 2 : 0;
  if (first >= 0xe0 && first <= 0xef) {
    const lo = first === 0xe0 ? 0xa0 : 0x80;
    const hi = first === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (first >= 0xf0 && first <= 0xf4) {
    const lo = first === 0xf0 ? 0x90 : 0x80;
    const hi = first === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** The line (from 1) that byte `offset` is on. */
export function lineAt(bytes: Uint8Array, offset: number, lineBefore = 1): number {
  let line = lineBefore;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}

export class InvalidUtf8Error extends Error {
  override name = 'InvalidUtf8Error';
  constructor(readonly line: number) {
    super(`line ${line} is not valid UTF-8 text: save the file as UTF-8 and try again`);
  }
}

/**
 * A pass-through stream that fails with `InvalidUtf8Error` at the first bad byte. A character cut
 * in two by a chunk boundary is held back until the rest arrives.
 */
export function utf8Guard(): Transform {
  let carry = Buffer.alloc(0);
  let line = 1;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const cut = completeLength(bytes);
      const whole = bytes.subarray(0, cut);
      const bad = firstInvalidUtf8(whole);
      if (bad >= 0) return done(new InvalidUtf8Error(lineAt(whole, bad, line)));
      line = lineAt(whole, whole.length, line);
      carry = Buffer.from(bytes.subarray(cut));
      return done(null, whole);
    },
    flush(done: TransformCallback) {
      if (carry.length > 0) return done(new InvalidUtf8Error(line));
      return done();
    },
  });
}

/** How many bytes from the start end on a character boundary (a trailing partial one held back). */
function completeLength(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] as number;
    if (byte < 0x80) return bytes.length;
    if (byte >= 0xc0) {
      const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return need > back ? bytes.length - back : bytes.length;
    }
  }
  return bytes.length;
}
