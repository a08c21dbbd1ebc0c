/**
 * Turns a view model into Adaptive Card JSON with the templates in cards/ (adaptivecards-templating
 * `${}` binding). Text from outside (children's names, notes) is escaped first, so it always shows
 * as text: a name like `[x](https://evil)` can never become a link.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ACData from 'adaptivecards-templating';
import type { BundleItem, MorningBundle } from '../domain/planner';
import { escapeCardText } from '../text/escape';

/** Teams refuses bot messages over about 80 KB; cards stay well under. */
export const MAX_CARD_BYTES = 40 * 1024;

/** cards/ at the project root: two levels up from src/cards, three from dist/src/cards. */
const CARDS_DIR = [join(__dirname, '../../cards'), join(__dirname, '../../../cards')].find((dir) =>
  existsSync(join(dir, 'morning.json')),
) as string;

const templates = new Map<string, object>();

function template(name: string): object {
  let found = templates.get(name);
  if (!found) {
    found = JSON.parse(readFileSync(join(CARDS_DIR, `${name}.json`), 'utf8')) as object;
    templates.set(name, found);
  }
  return found;
}

export function renderCard(name: string, data: object): Record<string, unknown> {
  const card = new ACData.Template(template(name)).expand({ $root: data }) as Record<string, unknown>;
  return card;
}

export interface MorningCardOptions {
  firstName: string;
  recordUrl: (childId: string) => string;
  /** The outbox id, carried by the card's buttons; without it the card has no buttons. */
  cardId?: string;
  /** What has been recorded from this card, by item key, shown in place of its buttons. */
  updates?: Record<string, string>;
}

const SECTIONS = [
  ['today', 'To see today'],
  ['notSeenYet', 'Not seen yet'],
  ['comingUp', 'Coming up'],
  ['beforeLeave', 'Before you go on leave'],
  ['cannotWorkOut', 'Dates Hearth needs'],
] as const;

/** The morning card for a bundle. */
export function renderMorningCard(
  bundle: MorningBundle,
  options: MorningCardOptions,
): Record<string, unknown> {
  const sections = SECTIONS.filter(([key]) => bundle[key].length > 0).map(([key, title]) => ({
    title,
    items: bundle[key].map((item) => ({
      // Sentences carry names from the case system: escape the whole sentence.
      sentence: escapeCardText(item.sentence),
      name: escapeCardText(item.childName),
      key: item.key,
      recordUrl: options.recordUrl(item.childId),
      actionable: options.cardId !== undefined && key !== 'cannotWorkOut',
      done: options.updates?.[item.key] ?? '',
    })),
  }));
  return renderCard('morning', {
    cardId: options.cardId ?? '',
    firstName: escapeCardText(options.firstName),
    preview: bundle.preview,
    seenThisWeek: bundle.seenThisWeek.sentence,
    sections,
  });
}

/** All of a bundle's items, wherever they sit. */
export function bundleItems(bundle: MorningBundle): BundleItem[] {
  return [...bundle.today, ...bundle.notSeenYet, ...bundle.comingUp, ...bundle.beforeLeave];
}
