/**
 * A card holding one line of text: how Hearth answers a button that changes nothing.
 */
import { escapeCardText } from '../text/escape';
import type { Card } from './render';
import { renderCard } from './render';

export const messageCard = (text: string): Card => renderCard('message', { text: escapeCardText(text) });
