/** The practitioner\'s morning card: size, escaping, the record link and the spoken preview. */
import { renderMorningCard } from '../../../src/cards/morning-card';
import { escapeCardText } from '../../../src/text/escape';
import { MAX_CARD_BYTES } from '../../../src/cards/render';
import { createCalendar } from '../../../src/domain/calendar';
import { defaultPlannerSettings, plan } from '../../../src/domain/planner';
import { DEFAULT_RULES } from '../../../src/domain/timescale-rules';
import { PRACTICE_RULES } from '../../../src/domain/timescale-practice-rules';
import { aChild, aPerson, done } from '../../support/domain';

// The statutory rules: these children's records carry no supervision or plan reviews, and the
// local practice standards would add a line for each (they are worked in timescales-worked.test.ts).
const settings = defaultPlannerSettings(
  createCalendar('england-and-wales'),
  DEFAULT_RULES.filter((r) => !PRACTICE_RULES.includes(r)),
);
const MONDAY = new Date('2026-11-23T09:00:00Z');

function bundleFor(children: ReturnType<typeof aChild>[]) {
  const events = children.map((c, i) => done(c.id, 'visit', i % 2 ? '2026-10-19' : '2026-10-28'));
  const result = plan({ people: [aPerson('P1')], children, events, now: MONDAY, settings });
  return result.bundles[0]!;
}
const recordUrl = (id: string) => `https://records.example/child/${id}`;

/** Every string value in a JSON tree. */
const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : value && typeof value === 'object'
      ? Object.values(value).flatMap(strings)
      : [];

describe('the morning card', () => {
  it('keeps a bundle for 30 children under 40 KB', () => {
    const children = Array.from({ length: 30 }, (_, i) =>
      aChild(`C${i}`, {
        name: { first: 'Alexandrina-Josephine', familyInitial: 'W' },
        anchors: { caseOpened: '2026-01-05' },
      }),
    );
    const card = renderMorningCard(bundleFor(children), { firstName: 'Sam', recordUrl });
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(MAX_CARD_BYTES);
    expect(card.version).toBe('1.5');
  });

  it('shows a hostile name as text, never as a link', () => {
    const child = aChild('C1', {
      name: { first: '[x](https://evil.example)', familyInitial: '*' },
      anchors: { caseOpened: '2026-01-05' },
    });
    const card = renderMorningCard(bundleFor([child]), { firstName: '**Sam**', recordUrl });
    const text = strings(card).join('\n');
    expect(text).not.toContain('[x](https://evil.example)');
    expect(text).toContain(escapeCardText('[x](https://evil.example)'));
    expect(text).toContain('\\[x\\]\\(https:');
    expect(text).toContain('Good morning, \\*\\*Sam\\*\\*');
  });

  it('links each child to their record and speaks the preview, which has no names', () => {
    const card = renderMorningCard(bundleFor([aChild('C1', { anchors: { caseOpened: '2026-01-05' } })]), {
      firstName: 'Sam',
      recordUrl,
    });
    expect(JSON.stringify(card)).toContain('https://records.example/child/C1');
    expect(card.speak).toBe('Your children today: 1 coming up');
  });
});
