/**
 * Every survey catalogue, and `translate`, which fills a message's {placeholders}. Values are
 * plain text: the pages escape them (Nunjucks autoescape), never this module.
 */
import type { Language } from '../../domain/feedback-types';
import { cy } from './cy';
import type { MessageKey } from './en';
import { en } from './en';
import { pl } from './pl';
import type { SurveyCatalogue } from './types';
import { ur } from './ur';

export type { MessageKey } from './en';

export const CATALOGUES: Record<Language, SurveyCatalogue<MessageKey>> = { en, cy, ur, pl };

export type MessageParams = Record<string, string | number>;

export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  const message = CATALOGUES[language].messages[key];
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The {placeholders} a message uses, for the parity test. */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();
}
