/**
 * Turns a view model into Adaptive Card JSON with the templates in cards/ (adaptivecards-templating
 * `${}` binding). Templates carry bindings only: every word comes from src/text, which escapes
 * outside text (names, notes) in it, so it always shows as text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ACData from 'adaptivecards-templating';

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

export type Card = Record<string, unknown>;

export function renderCard(name: string, data: object): Card {
  return new ACData.Template(template(name)).expand({ $root: data }) as Card;
}

/** A Teams message attachment holding a card. */
export const adaptiveCard = (content: Card) => ({
  contentType: 'application/vnd.microsoft.card.adaptive',
  content,
});
