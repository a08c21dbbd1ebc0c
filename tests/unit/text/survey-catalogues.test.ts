/**
 * The survey catalogues: every key in every language, the same placeholders, every question and
 * option the pages ask for has words, English passes the language check, nothing promises secrecy,
 * and each catalogue says who checked it.
 */
import { AUDIENCES, LANGUAGES } from '../../../src/domain/feedback-types';
import { OPTION_SETS, QUESTIONS } from '../../../src/domain/feedback-questions';
import { CATALOGUES, placeholdersOf, translate } from '../../../src/text/survey/catalogues';
import type { MessageKey } from '../../../src/text/survey/catalogues';
import { checkLanguage } from '../../../src/text/language-check';

const english = CATALOGUES.en.messages;
const keys = Object.keys(english).sort();

describe.each(LANGUAGES.filter((l) => l !== 'en'))('the %s catalogue', (language) => {
  const messages = CATALOGUES[language].messages as Record<string, string>;

  it('has exactly the English keys', () => {
    expect(Object.keys(messages).sort()).toEqual(keys);
  });

  it.each(keys)('%s is not empty and has the same placeholders as English', (key) => {
    expect(messages[key]?.trim()).not.toBe('');
    expect(placeholdersOf(messages[key] ?? '')).toEqual(placeholdersOf(english[key as MessageKey]));
  });

  it('is marked as a draft until a fluent speaker has checked it', () => {
    expect(CATALOGUES[language].checkedBy).toBe('draft, not yet checked by a fluent speaker');
  });
});

describe('every question, option and face has words in every language', () => {
  const needed = AUDIENCES.flatMap((audience) =>
    QUESTIONS[audience].flatMap((q) => [
      `q.${audience}.${q.id}`,
      ...(q.kind === 'text' ? [`hint.${q.id}`] : []),
      ...(q.kind === 'choice'
        ? OPTION_SETS[q.options].flatMap((o) => [
            `opt.${q.options}.${o.id}`,
            ...('face' in o ? [`face.${o.face}`] : []),
          ])
        : []),
    ]),
  );
  it.each(LANGUAGES)('%s', (language) => {
    const messages = CATALOGUES[language].messages as Record<string, string>;
    expect(needed.filter((key) => !(key in messages))).toEqual([]);
  });
});

describe('English', () => {
  it.each(keys)('%s passes the language check', (key) => {
    const text = translate('en', key as MessageKey, { council: 'Riverside Borough Council', phone: '999' });
    expect(checkLanguage(text)).toEqual([]);
  });

  it('never promises secrecy', () => {
    const all = Object.values(english).join(' ').toLowerCase();
    for (const word of [
      'confidential',
      'secret',
      'private',
      'anonymous',
      'only you',
      'nobody else',
      'no one else',
    ])
      expect(all).not.toContain(word);
  });

  it.each(AUDIENCES)('tells the %s plainly who reads the answers and that they may be shared', (audience) => {
    expect(english[`start.whoReads.${audience}`]).toMatch(/read/);
    expect(english[`start.mayShare.${audience}`]).toMatch(/(share it|tell people) .*safe/);
  });

  it('asks the Friends and Family Test headline in its own words', () => {
    expect(english['q.parent.overall']).toBe('Overall, how was your experience of our service?');
    expect(
      ['very-good', 'good', 'neither', 'poor', 'very-poor', 'dont-know'].map(
        (o) => english[`opt.fft.${o}` as MessageKey],
      ),
    ).toEqual(['Very good', 'Good', 'Neither good nor poor', 'Poor', 'Very poor', 'Don’t know']);
    expect(english['consent.label']).toBe('You can share my words with the team without my name');
  });
});

describe('right to left', () => {
  it('marks Urdu, and only Urdu, as right to left', () => {
    expect(LANGUAGES.filter((l) => CATALOGUES[l].dir === 'rtl')).toEqual(['ur']);
  });
});
