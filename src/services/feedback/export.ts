/**
 * Responses between two dates for the quality board: ids, never names. Free text is included only
 * where the family said their words may be shared, and never for an answer flagged as a possible
 * worry (that goes to the practitioner and manager, not a spreadsheet).
 */
import { addDays, londonInstant } from '../../domain/dates';
import { QUESTIONS } from '../../domain/feedback-questions';
import type { FeedbackResponse } from '../../domain/feedback-types';
import type { IsoDate } from '../../domain/types';
import type { FeedbackRepository } from '../../store/feedback-repository';

/** Every question id across the audiences, in page order, each once. */
export const EXPORT_QUESTION_IDS: readonly string[] = [
  ...new Set(Object.values(QUESTIONS).flatMap((qs) => qs.map((q) => q.id))),
];

export const EXPORT_COLUMNS = [
  'responseId',
  'linkId',
  'teamId',
  'childId',
  'practitionerId',
  'audience',
  'linkLanguage',
  'language',
  'submittedAt',
  ...EXPORT_QUESTION_IDS,
  'possibleWorry',
  'flaggedQuestions',
  'readAt',
  'acknowledgedAt',
] as const;

export type ExportRow = Record<string, string | boolean>;

const TEXT_QUESTIONS = new Set(
  Object.values(QUESTIONS).flatMap((qs) => qs.filter((q) => q.kind === 'text').map((q) => q.id)),
);

export function exportRow(response: FeedbackResponse): ExportRow {
  const showWords = response.shareWords && !response.screening.possibleWorry;
  const row: ExportRow = {
    responseId: response.id,
    linkId: response.linkId,
    teamId: response.teamId,
    childId: response.childId,
    practitionerId: response.practitionerId,
    audience: response.audience,
    linkLanguage: response.linkLanguage,
    language: response.language,
    submittedAt: response.submittedAt,
  };
  for (const id of EXPORT_QUESTION_IDS) {
    const answer = response.answers[id];
    if (answer === undefined || (TEXT_QUESTIONS.has(id) && !showWords)) row[id] = '';
    else row[id] = answer;
  }
  row.possibleWorry = response.screening.possibleWorry;
  row.flaggedQuestions = [...new Set(response.screening.flags.map((f) => f.questionId))].join(';');
  row.readAt = response.readAt ?? '';
  row.acknowledgedAt = response.acknowledgedAt ?? '';
  return row;
}

/** `from` and `to` are London dates, both included. */
export async function exportFeedback(
  deps: { feedback: FeedbackRepository },
  input: { from: IsoDate; to: IsoDate },
): Promise<ExportRow[]> {
  const from = londonInstant(input.from, '00:00').toISOString();
  const to = londonInstant(addDays(input.to, 1), '00:00').toISOString();
  return (await deps.feedback.responsesBetween(from, to)).map(exportRow);
}
