/**
 * A card holding one line of text: how Hearth answers a button that changes nothing.
 */
import type { Card } from './render';
import { renderCard } from './render';

/** `text` comes from the catalogue (src/text), which escapes any name in it. */
export const messageCard = (text: string): Card => renderCard('message', { text });
