import { checkLanguage } from '../../../src/domain/language';
import { PREVIEWS, REPLIES } from '../../../src/teams/replies';
import { NUDGE_PREVIEW } from '../../../src/delivery/activities';

const sentences = [
  ...Object.values(REPLIES).map((r) => (typeof r === 'function' ? r('Sam') : r)),
  ...Object.values(PREVIEWS),
  NUDGE_PREVIEW,
];

it.each(sentences)('the bot says %j in child-focused words', (text) => {
  expect(checkLanguage(text)).toEqual([]);
});

it('never puts a name in a lock-screen preview', () => {
  for (const preview of [...Object.values(PREVIEWS), NUDGE_PREVIEW])
    expect(preview).not.toMatch(/[A-Z][a-z]+ [A-Z]\./);
});
