import { checkLanguage } from '../../../src/text/language-check';
import { NUDGE_PREVIEW } from '../../../src/delivery/activities';
import { coverWord } from '../../../src/delivery/plan-run';
import { PREVIEWS, REPLIES, WORDS } from '../../../src/teams/replies';

/** Fills every argument of a sentence template, so each can be checked as it would be said. */
const said = (r: string | ((...args: string[]) => string)) =>
  typeof r === 'function'
    ? r('Sam', 'Amira K. is due to be seen by Friday 4 December.', 'Monday 30 November')
    : r;

const cover = coverWord(
  'Alex Wilber',
  {
    practitionerId: 'alex',
    teamId: 'T1',
    managerIds: ['sam'],
    leave: { from: '2026-12-01', to: '2026-12-11' },
    items: [],
  },
  '2026-11-30',
);

const sentences = [
  ...Object.values(REPLIES).map(said),
  ...Object.values(WORDS).map(said),
  ...Object.values(PREVIEWS),
  NUDGE_PREVIEW,
  cover.title,
  cover.text,
  cover.preview,
];

it.each(sentences)('the bot says %j in child-focused words', (text) => {
  expect(checkLanguage(text)).toEqual([]);
});

it('never puts a name in a lock-screen preview', () => {
  for (const preview of [
    ...Object.values(PREVIEWS),
    NUDGE_PREVIEW,
    WORDS.thanksPreview,
    WORDS.helpPreview,
    cover.preview,
  ])
    expect(preview).not.toMatch(/[A-Z][a-z]+ [A-Z]\./);
});
