/**
 * Refusing bytes that are not UTF-8, and finding the same id twice in a long file, in small memory.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { IdTable } from '../../../src/ingest/id-table';
import { firstInvalidUtf8, InvalidUtf8Error, lineAt, utf8Guard } from '../../../src/ingest/utf8';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('firstInvalidUtf8', () => {
  it.each<[string, Buffer, number]>([
    ['plain ASCII', bytes('Amira,Khan\n'), -1],
    ['accents, CJK and emoji', bytes('Zoë 王 😀'), -1],
    ['a Latin-1 é', bytes('Ren', [0xe9], 'e'), 3],
    ['a lone continuation byte', bytes('ab', [0x80]), 2],
    ['an overlong slash', bytes('a', [0xc0, 0xaf]), 1],
    ['an overlong three-byte form', bytes([0xe0, 0x80, 0xaf]), 0],
    ['a surrogate encoded as UTF-8 (CESU-8)', bytes('x', [0xed, 0xa0, 0x80]), 1],
    ['a code point past U+10FFFF', bytes([0xf4, 0x90, 0x80, 0x80]), 0],
    ['a character cut off at the end', bytes('ok', [0xe2, 0x82]), 2],
    ['0xFF', bytes('a\nb\n', [0xff]), 4],
  ])('finds %s', (_, input, at) => {
    expect(firstInvalidUtf8(input)).toBe(at);
  });

  it('says which line a byte is on', () => {
    const input = bytes('header\nrow one\nrow ', [0xff], '\n');
    expect(lineAt(input, firstInvalidUtf8(input))).toBe(3);
  });
});

async function through(chunks: Buffer[]): Promise<Buffer> {
  const out: Buffer[] = [];
  await pipeline(
    Readable.from(chunks),
    utf8Guard(),
    new Writable({
      write(chunk: Buffer, _e, done) {
        out.push(chunk);
        done();
      },
    }),
  );
  return Buffer.concat(out);
}

describe('utf8Guard', () => {
  it('passes good text through unchanged, even with a character split across chunks', async () => {
    const text = bytes('line 1 Zoë\nline 2 😀\n');
    const split = [text.subarray(0, 9), text.subarray(9, 20), text.subarray(20)];
    expect((await through(split)).toString('utf8')).toBe(text.toString('utf8'));
  });

  it('fails at the first bad byte with its line, counting lines across chunks', async () => {
    const error = await through([bytes('h\nr1\n'), bytes('r2\nr', [0xe9], 'né\n')]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidUtf8Error);
    expect((error as InvalidUtf8Error).line).toBe(4);
  });

  it('fails when the file ends inside a character', async () => {
    const error = await through([bytes('h\nr1', [0xf0, 0x9f])]).catch((e: unknown) => e);
    expect((error as InvalidUtf8Error).line).toBe(2);
  });
});

describe('IdTable', () => {
  it('remembers the first line of each id and says so when one comes again', () => {
    const table = new IdTable(4);
    expect(table.firstLineOf('C1', 2)).toBeUndefined();
    expect(table.firstLineOf('C2', 3)).toBeUndefined();
    expect(table.firstLineOf('C1', 9)).toBe(2);
    expect(table.firstLineOf('C1', 11)).toBe(2);
  });

  it('finds every repeat among 200,000 ids as it grows, and no others', () => {
    const table = new IdTable(16);
    for (let i = 0; i < 200_000; i++) expect(table.firstLineOf(`event-${i}`, i + 2)).toBeUndefined();
    for (let i = 0; i < 200_000; i += 997) expect(table.firstLineOf(`event-${i}`, 300_000)).toBe(i + 2);
  });
});
