/** The card templates: bindings only, every word from src/text, and all of it child-focused. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkLanguage } from '../../../src/text/language-check';

/** Every string value in a JSON tree. */
const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : value && typeof value === 'object'
      ? Object.values(value).flatMap(strings)
      : [];

/** The values a person can read or hear in a template. */
const WORD_FIELDS = new Set([
  'text',
  'title',
  'label',
  'placeholder',
  'altText',
  'speak',
  'errorMessage',
  'tooltip',
]);
function shownValues(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return WORD_FIELDS.has(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => shownValues(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => shownValues(v, k));
  return [];
}

const dir = join(__dirname, '../../../cards');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const template = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;

describe('every card template passes the language check', () => {
  it('has card templates to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s', (file) => {
    const text = strings(template(file)).join('\n');
    expect(checkLanguage(text)).toEqual([]);
  });
});

describe('card templates carry bindings, not words', () => {
  it.each(files)('%s', (file) => {
    const words = shownValues(template(file)).filter((v) => !/^\$\{[^}]+\}$/.test(v));
    expect(words).toEqual([]);
  });
});
