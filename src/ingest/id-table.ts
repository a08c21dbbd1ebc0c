/**
 * Finding the same id twice in a file of a million rows without holding a million strings: each id
 * is kept as two independent 32-bit hashes and the line it was on, in typed arrays (about 12 bytes
 * a row, where a Map of strings took over 200 MB of a 50 MB file's import). Two different ids can
 * share both hashes (about one chance in fifty million for a million ids), so a match is only a
 * candidate: the importer reads those lines again and compares the ids themselves.
 */
const EMPTY = 0;

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function murmurish(text: string): number {
  let h = 0x9747b28c ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 13;
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export class IdTable {
  private size = 0;
  private first: Uint32Array;
  private second: Uint32Array;
  /** The line each id was first on; 0 marks an empty slot (lines start at 1). */
  private lines: Uint32Array;

  constructor(capacity = 1 << 16) {
    this.first = new Uint32Array(capacity);
    this.second = new Uint32Array(capacity);
    this.lines = new Uint32Array(capacity);
  }

  /** The line an id (probably) appeared on before; otherwise remembers it on `line`. */
  firstLineOf(id: string, line: number): number | undefined {
    if (this.size * 10 >= this.lines.length * 7) this.grow();
    const a = fnv1a(id);
    const b = murmurish(id);
    const mask = this.lines.length - 1;
    for (let slot = a & mask; ; slot = (slot + 1) & mask) {
      const seen = this.lines[slot] as number;
      if (seen === EMPTY) {
        this.first[slot] = a;
        this.second[slot] = b;
        this.lines[slot] = line;
        this.size++;
        return undefined;
      }
      if (this.first[slot] === a && this.second[slot] === b) return seen;
    }
  }

  private grow(): void {
    const { first, second, lines } = this;
    const capacity = lines.length * 2;
    this.first = new Uint32Array(capacity);
    this.second = new Uint32Array(capacity);
    this.lines = new Uint32Array(capacity);
    const mask = capacity - 1;
    for (let i = 0; i < lines.length; i++) {
      if (lines[i] === EMPTY) continue;
      let slot = (first[i] as number) & mask;
      while (this.lines[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.first[slot] = first[i] as number;
      this.second[slot] = second[i] as number;
      this.lines[slot] = lines[i] as number;
    }
  }
}
