/**
 * Screening a family's answers for a possible worry: a table per language, the unsafe question,
 * answers in a language or script no list covers, and the tricks (capitals, accents, invisible and
 * bidi characters) that must not hide a worry. Screening never changes the words.
 */
import type { ScreeningList } from '../../../src/domain/feedback-screening-lists';
import { SCREENING_LISTS } from '../../../src/domain/feedback-screening-lists';
import { normaliseForScreening, screenAnswers } from '../../../src/domain/feedback-screening';
import type { Answers, Language } from '../../../src/domain/feedback-types';

const screenText = (text: string, language = 'en') =>
  screenAnswers({ audience: 'parent', language, answers: { overall: 'good', better: text } });

type Row = [Language, string, boolean];

const TABLE: Row[] = [
  ['en', 'Sam listened and explained everything.', false],
  ['en', 'I feel safe now, thank you.', false],
  ['en', 'Letters came late and nobody rang back.', false],
  ['en', 'My stepdad hits me when mum is out', true],
  ['en', 'He PUNCHED the wall and then me', true],
  ['en', 'sometimes i want to die', true],
  ['en', 'I am scared to go home', true],
  ['en', 'There is no food in the house', true],
  ['en', 'she has been self-harming again', true],
  ['en', "I don't feel safe at home", true],
  ['cy', 'Roedd y gweithiwr yn garedig iawn.', false],
  ['cy', 'Mae e’n fy nharo i', true],
  ['cy', 'Dwi ddim yn ddiogel gartref', true],
  ['cy', 'Mae gen i ofn mynd adref', true],
  ['pl', 'Pracownik był bardzo miły i pomocny.', false],
  ['pl', 'Ojczym mnie bije', true],
  ['pl', 'Boję się wracać do domu', true],
  ['pl', 'Boje sie wracac do domu', true],
  ['pl', 'Nie czuję się bezpiecznie', true],
  ['ur', 'میرا ورکر بہت اچھا ہے', false],
  ['ur', 'میرے ابو مجھے مارتے ہیں', true],
  ['ur', 'مجھے گھر میں ڈر لگتا ہے', true],
  ['ur', 'میں گھر میں محفوظ نہیں ہوں', true],
  ['ur', 'mujhe ghar mein dar lagta hai', true],
];

describe('screening free text', () => {
  it.each(TABLE)('%s: %j -> possible worry %s', (language, text, worry) => {
    const screening = screenText(text, language);
    expect(screening.possibleWorry).toBe(worry);
    if (worry) expect(screening.flags[0]).toMatchObject({ questionId: 'better', reason: 'phrase' });
  });

  it('catches a worry written in another of our languages than the page', () => {
    expect(screenText('Ojczym mnie bije', 'en').possibleWorry).toBe(true);
  });

  it.each([
    ['capitals', 'HE HITS ME'],
    ['zero-width characters', 'he h\u200Bits me'],
    ['a bidi override', 'he \u202Ehits me\u202C'],
    ['punctuation between the words', 'he...hits!!me'],
    ['accents left off in Polish', 'boje sie'],
    ['Arabic letters on an Urdu keyboard', 'مجھے گھر میں ڈر لگتا ہے'.replace(/ی/g, 'ي')],
  ])('is not fooled by %s', (_, text) => {
    expect(screenText(text, text.match(/\p{Script=Arabic}/u) ? 'ur' : 'en').possibleWorry).toBe(true);
  });

  it('names the list entries that matched', () => {
    expect(screenText('he hits me and I am scared').flags).toEqual([
      { questionId: 'better', reason: 'phrase', matched: ['hits me', 'scared'] },
    ]);
  });

  it('matches whole words: "fearless" and "gunther" are not "fear" and "gun"', () => {
    expect(screenText('Our fearless worker Gunther').possibleWorry).toBe(false);
  });

  it('leaves blank answers alone', () => {
    expect(screenText('   ').possibleWorry).toBe(false);
  });
});

describe('answers Hearth cannot screen go to a person', () => {
  it('treats any text in a language without a list as needing a person', () => {
    const lists: Partial<Record<string, ScreeningList>> = { ...SCREENING_LISTS };
    delete lists.pl;
    const screening = screenAnswers(
      { audience: 'parent', language: 'pl', answers: { overall: 'good', good: 'Wszystko dobrze' } },
      lists,
    );
    expect(screening).toEqual({
      possibleWorry: true,
      flags: [{ questionId: 'good', reason: 'no-list', matched: [] }],
    });
  });

  it.each([
    ['Bengali', 'আমার কর্মী খুব ভালো'],
    ['Chinese', '我的社工很好'],
    ['Cyrillic look-alikes', 'hе hіts mе'],
  ])('treats text in %s as needing a person', (_, text) => {
    expect(screenText(text).flags).toContainEqual({
      questionId: 'better',
      reason: 'unknown-script',
      matched: [],
    });
  });
});

describe('"Is anything making you feel unsafe?"', () => {
  const young = (answers: Answers) => screenAnswers({ audience: 'young-person', language: 'en', answers });
  const child = (answers: Answers) => screenAnswers({ audience: 'child', language: 'en', answers });

  it.each([
    ['yes', true],
    ['not-sure', true],
    ['no', false],
  ])('answered %s by a young person or child is a worry: %s', (value, worry) => {
    expect(young({ unsafe: value }).possibleWorry).toBe(worry);
    expect(child({ unsafe: value }).possibleWorry).toBe(worry);
    if (worry)
      expect(child({ unsafe: value }).flags).toEqual([
        { questionId: 'unsafe', reason: 'unsafe-answer', matched: [] },
      ]);
  });

  it('is not asked of parents, so a parent answer called "unsafe" is ignored', () => {
    expect(
      screenAnswers({ audience: 'parent', language: 'en', answers: { unsafe: 'yes' } }).possibleWorry,
    ).toBe(false);
  });
});

it('never changes the answers it screens', () => {
  const answers: Answers = { overall: 'good', better: '  He HITS me\u202E  ' };
  const copy = structuredClone(answers);
  screenAnswers({ audience: 'parent', language: 'en', answers });
  expect(answers).toEqual(copy);
});

it('normalises case, accents, invisible characters and punctuation', () => {
  expect(normaliseForScreening('Boję  SIĘ,\u200B—Łódź!')).toBe('boje sie lodz');
});

it('has a list for every language the pages speak, each saying who checked it', () => {
  for (const language of ['en', 'cy', 'ur', 'pl'] as const)
    expect(SCREENING_LISTS[language]?.checkedBy).toBeTruthy();
});

it.each(Object.entries(SCREENING_LISTS))(
  'the %s list has only entries that can match something',
  (_, list) => {
    expect(list.entries.length).toBeGreaterThan(40);
    for (const entry of list.entries) expect(normaliseForScreening(entry.replace(/\*$/, ''))).not.toBe('');
    expect(new Set(list.entries).size).toBe(list.entries.length);
  },
);
