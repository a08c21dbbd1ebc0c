/** Every kind of event has a plain name, and every sentence made with it passes the language check. */
import { EVENT_NAMES } from '../../../src/text/teams/events';
import {
  cannotWorkOutSentence,
  comingUpSentence,
  notYetSentence,
  todaySentence,
} from '../../../src/text/teams/morning';
import { EVENT_KINDS } from '../../../src/domain/types';
import { checkLanguage } from '../../../src/text/language-check';

describe.each(EVENT_KINDS)('%s', (eventKind) => {
  const context = {
    name: 'Amira K.',
    eventKind,
    dueDate: '2026-12-03',
    today: '2026-11-30',
    nextWorkingDay: '2026-12-01',
  };

  it('has a plain name', () => {
    expect(EVENT_NAMES[eventKind]).toMatch(/^[a-z ()]+$/);
  });

  it.each([
    ['today', todaySentence(context)],
    ['not done yet', notYetSentence({ ...context, dueDate: '2026-11-27' })],
    ['coming up', comingUpSentence(context)],
    ['booked', comingUpSentence({ ...context, booked: '2026-12-02' })],
    ['a date we need', cannotWorkOutSentence('Amira K.', eventKind, ['caseOpened', 'referral'])],
  ])('says %s in child-focused words', (_, sentence) => {
    expect(sentence).toContain(EVENT_NAMES[eventKind] === 'visit' ? 'Amira K.' : EVENT_NAMES[eventKind]);
    expect(checkLanguage(sentence)).toEqual([]);
  });
});
