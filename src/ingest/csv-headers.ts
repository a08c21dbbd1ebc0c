/**
 * What is wrong with a CSV header row, said so a person can fix it: a column Hearth does not read
 * is an error (its data would be lost without a word), named with the nearest column Hearth knows
 * ("dob": did you mean "dateOfBirth"?), and a file whose columns fit another kind better says so.
 */

/** Lower case, letters and digits only: "Date of birth", "date_of_birth" and "dateOfBirth" agree. */
const normal = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** The words of a field name: `anchors.cameIntoCare` -> anchors, came, into, care. */
const words = (name: string) =>
  name
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => w.toLowerCase());

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * How far `column` is from `known` (lower is nearer), or undefined when they are not alike: the same
 * name written another way, the initials of its words ("dob"), or a slip of a letter or two, also
 * against the part after "anchors." ("referal" for `anchors.referral`).
 */
function closeness(column: string, known: string): number | undefined {
  const c = normal(column);
  if (!c) return undefined;
  const forms = [known, ...(known.includes('.') ? [known.slice(known.lastIndexOf('.') + 1)] : [])];
  let best: number | undefined;
  for (const form of forms) {
    const k = normal(form);
    const initials = words(form)
      .map((w) => w[0])
      .join('');
    let score: number | undefined;
    if (c === k) score = 0;
    else if (c.length >= 2 && c === initials) score = 1;
    else {
      const distance = editDistance(c, k);
      if (distance <= Math.min(2, Math.ceil(k.length / 4))) score = 1 + distance;
    }
    if (score !== undefined && (best === undefined || score < best)) best = score;
  }
  return best;
}

/** The known column nearest to `column`, if any is near enough to suggest. */
export function nearestColumn(column: string, known: readonly string[]): string | undefined {
  let best: { name: string; score: number } | undefined;
  for (const name of known) {
    const score = closeness(column, name);
    if (score !== undefined && (!best || score < best.score)) best = { name, score };
  }
  return best?.name;
}

export interface HeaderProblemInput {
  header: readonly string[];
  kind: string;
  /** The column names Hearth reads for this kind (mapped names where a mapping gives them). */
  known: readonly string[];
  /** Field names of every kind, to notice a file given the wrong `--kind`. */
  fieldsByKind: Readonly<Record<string, readonly string[]>>;
  /** Columns the mapping says to leave out on purpose. */
  ignored: readonly string[];
}

/** What is wrong with the header row, or undefined when every column is one Hearth reads. */
export function headerProblem(input: HeaderProblemInput): string | undefined {
  const { header, kind, known, ignored } = input;
  const lines: string[] = [];
  header.forEach((name, i) => {
    if (name === '') lines.push(`  column ${i + 1} has no name: name it, or remove it`);
    else if (header.indexOf(name) !== i) lines.push(`  "${name}" appears more than once`);
  });
  const unknown = header.filter((h) => h !== '' && !known.includes(h) && !ignored.includes(h));
  if (lines.length === 0 && unknown.length === 0) return undefined;

  const otherKind = likelierKind(input);
  if (otherKind && unknown.length > 0) {
    return (
      `These columns look like ${/^[aeiou]/.test(otherKind) ? 'an' : 'a'} ${otherKind} file, not ${kind}: ` +
      `run again with --kind ${otherKind}. ` +
      `(Columns Hearth does not read for ${kind}: ${unknown.join(', ')}.)`
    );
  }
  for (const name of [...new Set(unknown)]) {
    const near = nearestColumn(name, known);
    lines.push(`  "${name}" is not a column Hearth reads${near ? `: did you mean "${near}"?` : ''}`);
  }
  return [
    `The header row of this ${kind} file is not right:`,
    ...lines,
    `Columns for ${kind}: ${known.join(', ')}.`,
    'To leave a column out on purpose, list it in a mapping file\'s "ignoreColumns" (--mapping).',
  ].join('\n');
}

/** Another kind whose field names cover more of the header than this kind's do. */
function likelierKind({ header, kind, known, fieldsByKind }: HeaderProblemInput): string | undefined {
  const fits = (names: readonly string[]) => header.filter((h) => names.includes(h)).length;
  const here = fits(known);
  let best: { kind: string; fit: number } | undefined;
  for (const [other, fields] of Object.entries(fieldsByKind)) {
    if (other === kind) continue;
    const fit = fits(fields);
    if (fit > here && fit * 2 >= header.length && (!best || fit > best.fit)) best = { kind: other, fit };
  }
  return best?.kind;
}
