/**
 * The shape of a survey catalogue: one per language, every key present in each (English defines
 * the keys; TypeScript and a test both hold the others to them).
 */
import type { Language } from '../../domain/feedback-types';

export interface SurveyCatalogue<Key extends string = string> {
  language: Language;
  /** The language's own name for itself, for the language switcher. */
  name: string;
  dir: 'ltr' | 'rtl';
  /** Who checked the words, or that nobody fluent has yet. */
  checkedBy: string;
  messages: Record<Key, string>;
}
