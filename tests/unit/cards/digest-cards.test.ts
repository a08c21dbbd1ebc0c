/** The manager's cards: size, escaping, buttons only when the card can be acted on, the picture. */
import { escapeCardText } from '../../../src/text/escape';
import {
  DIGEST_INLINE_NOT_SEEN,
  renderDigestCard,
  renderNoteCard,
  renderNotSeenCard,
  renderRollUpCard,
} from '../../../src/cards/digest-cards';
import { renderTrendChart } from '../../../src/cards/trend-chart';
import { TREND_LABELS } from '../../../src/text/teams/digest';
import { createCalendar } from '../../../src/domain/calendar';
import { buildTeamDigest, defaultDigestSettings } from '../../../src/domain/digest';
import { rollUp } from '../../../src/domain/digest-access';
import { checkLanguage } from '../../../src/text/language-check';
import { DEFAULT_RULES } from '../../../src/domain/timescale-rules';
import { aChild, aPerson, done } from '../../support/domain';

const settings = defaultDigestSettings(createCalendar('england-and-wales'), DEFAULT_RULES);

/** A team with `n` children not seen for a long while, one of them with a hostile name. */
function digestWith(n: number) {
  const children = Array.from({ length: n }, (_, i) =>
    aChild(`C${i}`, {
      name:
        i === 0
          ? { first: '[Click](https://evil.example)', familyInitial: '*' }
          : { first: `Child${i}`, familyInitial: 'K' },
      anchors: { caseOpened: '2026-01-05', referral: '2026-01-05' },
    }),
  );
  return buildTeamDigest({
    team: { id: 'T1', name: 'North' },
    people: [aPerson('P1', { displayName: 'Alex Wilber' })],
    children,
    events: children.map((c) => done(c.id, 'visit', '2026-09-01')),
    weekStart: '2026-11-23',
    asOf: '2026-11-30',
    settings,
  });
}
const json = (card: unknown) => JSON.stringify(card);
/** Every string value in a card. */
const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : value && typeof value === 'object'
      ? Object.values(value).flatMap(strings)
      : [];
const buttons = (card: unknown) => [...json(card).matchAll(/"verb":"([^"]+)"/g)].map((m) => m[1]);

it("stays well under Teams' limit for a big team, showing a few children and a way to the rest", () => {
  const digest = digestWith(40);
  const card = renderDigestCard(digest, { cardId: 'P1:2026-11-30:digest:T1' });
  expect(digest.notSeenYet).toHaveLength(40);
  expect(Buffer.byteLength(json(card))).toBeLessThan(60 * 1024);
  expect(buttons(card).filter((v) => v === 'offer-help')).toHaveLength(DIGEST_INLINE_NOT_SEEN);
  expect(json(card)).toContain('Show all 40 children not seen yet');
  expect(buttons(renderNotSeenCard(digest, { cardId: 'x' })).filter((v) => v === 'offer-help')).toHaveLength(
    40,
  );
});

it('escapes names from the case system so they cannot become links or formatting', () => {
  const card = json(renderDigestCard(digestWith(2), { cardId: 'x', trendPicture: false }));
  expect(card).not.toContain('[Click](https://evil.example)');
  // Shown as the text it is: escaped once, by the catalogue (as JSON, so its backslashes doubled).
  expect(card).toContain(JSON.stringify(escapeCardText('[Click](https://evil.example)')).slice(1, -1));
});

it('has no buttons when it is only a preview, and shows what the manager already did', () => {
  const digest = digestWith(2);
  expect(buttons(renderDigestCard(digest, { trendPicture: false }))).toEqual([]);
  const card = renderDigestCard(digest, {
    cardId: 'x',
    trendPicture: false,
    updates: { 'help:C1': { kind: 'help-offered', name: 'Alex' } },
  });
  expect(json(card)).toContain('You offered Alex your help.');
  expect(buttons(card).filter((v) => v === 'offer-help')).toHaveLength(1);
});

it('draws the trend as a PNG small enough for a card', () => {
  const uri = renderTrendChart(digestWith(3).trend.weeks);
  expect(uri.startsWith('data:image/png;base64,')).toBe(true);
  const png = Buffer.from(uri.slice('data:image/png;base64,'.length), 'base64');
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  // Width and height from the header: wide enough to read on a phone.
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([560, 300]);
  expect(uri.length).toBeLessThan(32 * 1024);
});

it("says everything on the manager's cards in child-focused words", () => {
  const digest = digestWith(12);
  const cards = [
    renderDigestCard(digest, {
      cardId: 'x',
      trendPicture: false,
      audits: ['3 audits this week found good, warm recording of what children said.'],
      families: ['Two families said they felt listened to.'],
    }),
    renderNotSeenCard(digest, { cardId: 'x' }),
    renderRollUpCard(rollUp([digest]), digest.weekStart),
    renderNoteCard(
      { kind: 'thanks', from: 'Patti Fernandez', weekStart: '2026-11-23', due: 2 },
      '2026-11-30',
    ),
  ];
  const words = [
    ...cards.flatMap(strings),
    TREND_LABELS.seen,
    TREND_LABELS.due,
    TREND_LABELS.noneDue,
    TREND_LABELS.count(2, 5),
    TREND_LABELS.week('2026-11-30'),
  ];
  expect(words.flatMap((w) => checkLanguage(w).map((p) => `${p.term} in: ${w}`))).toEqual([]);
  expect(json(cards[0])).toContain('What audits found');
});
