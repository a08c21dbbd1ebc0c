/**
 * The manager's cards: the weekly digest, its full list of children not seen yet, the head of
 * service's roll-up, and the short kind words (a thank-you, an offer of help) a manager sends from
 * the digest. Names and sentences from the case system are escaped, as on every card.
 */
import { spokenDate } from '../domain/dates';
import type { TeamDigest } from '../domain/digest';
import type { RollUp } from '../domain/digest-access';
import { firstName } from '../domain/language';
import { escapeCardText } from '../text/escape';
import { renderCard } from './render';
import { renderTrendChart } from './trend-chart';

/** Children not seen yet shown on the digest itself; the rest are a tap away. */
export const DIGEST_INLINE_NOT_SEEN = 5;
/** Lines a minor section shows before "and N more". */
const SECTION_LINES = 8;

export interface DigestCardOptions {
  /** The outbox id, carried by the buttons; without it the card has no buttons. */
  cardId?: string;
  /** What the manager has done from this card: `thank:<personId>` or `help:<childId>`. */
  updates?: Record<string, string>;
  /** Draw the trend picture (off in tests that only read the words). */
  trendPicture?: boolean;
}

function lines(sentences: readonly string[]): { line: string }[] {
  const shown = sentences.slice(0, SECTION_LINES).map((s) => ({ line: escapeCardText(s) }));
  if (sentences.length > SECTION_LINES) shown.push({ line: `And ${sentences.length - SECTION_LINES} more.` });
  return shown;
}

const notSeenRows = (digest: TeamDigest, options: DigestCardOptions, limit?: number) =>
  digest.notSeenYet.slice(0, limit).map((c) => ({
    sentence: escapeCardText(c.sentence),
    child: c.childId,
    done: options.updates?.[`help:${c.childId}`] ?? '',
    actionable: options.cardId !== undefined,
  }));

export function renderDigestCard(
  digest: TeamDigest,
  options: DigestCardOptions = {},
): Record<string, unknown> {
  const sections = [
    ['Coming up in the next 10 working days', digest.comingUp.map((c) => c.sentence)],
    ['Dates Hearth needs', digest.cannotWorkOut.map((c) => c.sentence)],
    ['Who Hearth cannot reach', digest.cannotReach.map((c) => c.sentence)],
    ['What audits found', digest.audits?.sentences ?? []],
    ['What families told us', digest.feedback?.sentences ?? []],
  ] as const;
  const more = digest.notSeenYet.length;
  return renderCard('digest', {
    cardId: options.cardId ?? '',
    preview: digest.preview,
    title: escapeCardText(`${digest.teamName}: the week of ${spokenDate(digest.weekStart, digest.asOf)}`),
    strengths: digest.strengths.map((s) => ({
      sentence: escapeCardText(s.sentence),
      person: options.cardId ? (s.practitionerId ?? '') : '',
      firstName: escapeCardText(firstName(s.practitionerName ?? '')),
      done: s.practitionerId ? (options.updates?.[`thank:${s.practitionerId}`] ?? '') : '',
    })),
    seenSentence: digest.seen.sentence,
    trendUrl: options.trendPicture === false ? '' : renderTrendChart(digest.trend.weeks),
    trendAlt: digest.trend.altText,
    notSeen: notSeenRows(digest, options, DIGEST_INLINE_NOT_SEEN),
    showAllTitle: more === 1 ? 'Show the child not seen yet' : `Show all ${more} children not seen yet`,
    sections: sections.filter(([, s]) => s.length > 0).map(([title, s]) => ({ title, lines: lines(s) })),
  });
}

export function renderNotSeenCard(digest: TeamDigest, options: DigestCardOptions): Record<string, unknown> {
  return renderCard('digest-not-seen', {
    cardId: options.cardId ?? '',
    title: escapeCardText(
      `${digest.teamName}: ${digest.notSeenYet.length} ${digest.notSeenYet.length === 1 ? 'child' : 'children'} not seen yet, as of ${spokenDate(digest.asOf)}`,
    ),
    notSeen: notSeenRows(digest, options),
  });
}

export function renderRollUpCard(rollUp: RollUp, weekStart: string): Record<string, unknown> {
  return renderCard('rollup', {
    preview: rollUp.preview,
    title: `Your service: the week of ${spokenDate(weekStart)}`,
    sentence: rollUp.sentence,
    teams: rollUp.teams.map((t) => ({ sentence: escapeCardText(t.sentence) })),
  });
}

export interface KindWord {
  title: string;
  text: string;
  /** What the lock screen shows: never a child's name. */
  preview: string;
  recordUrl?: string;
}

export function renderKindWordCard(word: KindWord): Record<string, unknown> {
  return renderCard('kind-word', {
    title: escapeCardText(word.title),
    text: escapeCardText(word.text),
    preview: word.preview,
    recordUrl: word.recordUrl ?? '',
  });
}
