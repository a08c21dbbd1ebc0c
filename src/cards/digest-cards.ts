/**
 * The manager's cards: the weekly digest, its full list of children not seen yet, the head of
 * service's roll-up, and notes from one person to another. Every sentence comes from the catalogue
 * (src/text), which escapes the names in it; button titles and alt text are plain text.
 */
import type { TeamDigest } from '../domain/digest';
import type { RollUp } from '../domain/digest-access';
import { firstName } from '../domain/names';
import type { CardUpdate, Note } from '../domain/outbox';
import type { IsoDate } from '../domain/types';
import type { SaidDigest } from '../text/teams/digest';
import { DIGEST_CARD, datesNeededLines, sayDigest, sayRollUp } from '../text/teams/digest';
import { updateNote } from '../text/teams/item-form';
import { NOTE_CARD, sayNote } from '../text/teams/notes';
import type { Card } from './render';
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
  updates?: Record<string, CardUpdate>;
  /** Draw the trend picture (off in tests that only read the words). */
  trendPicture?: boolean;
  /**
   * Lines for "What audits found" and "What families told us", already in words from the catalogue
   * (which escapes any outside text in them); none, no section.
   */
  audits?: readonly string[];
  families?: readonly string[];
}

function lines(sentences: readonly string[]): { line: string }[] {
  const shown = sentences.slice(0, SECTION_LINES).map((s) => ({ line: s }));
  if (sentences.length > SECTION_LINES)
    shown.push({ line: DIGEST_CARD.andMore(sentences.length - SECTION_LINES) });
  return shown;
}

const done = (options: DigestCardOptions, key: string, asOf: IsoDate) => {
  const update = options.updates?.[key];
  return update ? updateNote(update, asOf) : '';
};

const notSeenRows = (digest: SaidDigest, options: DigestCardOptions, limit?: number) =>
  digest.notSeenYet.slice(0, limit).map((c) => ({
    sentence: c.sentence,
    child: c.childId,
    done: done(options, `help:${c.childId}`, digest.asOf),
    actionable: options.cardId !== undefined,
  }));

export function renderDigestCard(facts: TeamDigest, options: DigestCardOptions = {}): Card {
  const digest = sayDigest(facts);
  const sections = [
    [DIGEST_CARD.comingUp(digest.comingUpWorkingDays), digest.comingUp.map((c) => c.sentence)],
    [DIGEST_CARD.datesNeeded, datesNeededLines(facts.cannotWorkOut).map((c) => c.sentence)],
    [DIGEST_CARD.cannotReach, digest.cannotReach.map((c) => c.sentence)],
    [DIGEST_CARD.audits, options.audits ?? []],
    [DIGEST_CARD.families, options.families ?? []],
  ] as const;
  return renderCard('digest', {
    cardId: options.cardId ?? '',
    preview: digest.preview,
    title: DIGEST_CARD.title(digest.teamName, digest.weekStart, digest.asOf),
    strengths: digest.strengths.map((s) => ({
      sentence: s.sentence,
      person: options.cardId ? (s.practitionerId ?? '') : '',
      // A button title is plain text, not markdown: the name as it is.
      thankTitle: DIGEST_CARD.thank(firstName(s.practitionerName ?? '')),
      done: s.practitionerId ? done(options, `thank:${s.practitionerId}`, digest.asOf) : '',
    })),
    seenSentence: digest.seen.sentence,
    trendUrl: options.trendPicture === false ? '' : renderTrendChart(digest.trend.weeks),
    trendAlt: digest.trend.altText,
    notSeen: notSeenRows(digest, options, DIGEST_INLINE_NOT_SEEN),
    showAllTitle: DIGEST_CARD.showAll(digest.notSeenYet.length),
    sections: sections.filter(([, s]) => s.length > 0).map(([title, s]) => ({ title, lines: lines(s) })),
    words: DIGEST_CARD,
  });
}

export function renderNotSeenCard(facts: TeamDigest, options: DigestCardOptions): Card {
  const digest = sayDigest(facts);
  return renderCard('digest-not-seen', {
    cardId: options.cardId ?? '',
    title: DIGEST_CARD.notSeenTitle(digest.teamName, digest.notSeenYet.length, digest.asOf),
    notSeen: notSeenRows(digest, options),
    words: DIGEST_CARD,
  });
}

export function renderRollUpCard(rollUp: RollUp, weekStart: IsoDate): Card {
  const said = sayRollUp(rollUp);
  return renderCard('rollup', {
    preview: said.preview,
    title: DIGEST_CARD.rollUpTitle(weekStart),
    sentence: said.sentence,
    teams: said.teams.map((t) => ({ sentence: t.sentence })),
  });
}

/** A note from one person to another; `recordUrl` links the child it is about, if any. */
export function renderNoteCard(note: Note, today: IsoDate, recordUrl?: string): Card {
  const said = sayNote(note, today);
  return renderCard('note', {
    title: said.title,
    text: said.text,
    preview: said.preview,
    recordUrl: recordUrl ?? '',
    openRecord: NOTE_CARD.openRecord,
  });
}

/** What a phone's lock screen shows for a note: never a child's name. */
export const notePreview = (note: Note, today: IsoDate) => sayNote(note, today).preview;
