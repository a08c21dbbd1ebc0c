/**
 * The one-page printable summary of a month's audits for the quality assurance board: an HTML
 * page with its words, every value escaped by `html`. Figures and the auditors' strengths only;
 * no child is named.
 */
import { GRADES } from '../domain/audit';
import type { AuditFindings } from '../domain/audit-findings';
import type { IsoDate } from '../domain/types';
import { clip } from './audit';
import { GRADE_NAMES, standardText } from './audit-standards';
import { SUMMARY_WORDS as W } from './audit-findings';
import { html, SafeHtml } from './html';

const STYLE = `
  @page { size: A4; margin: 14mm; }
  body { font-family: Arial, sans-serif; color: #0b0c0c; font-size: 11pt; line-height: 1.35; max-width: 180mm; margin: 0 auto; }
  h1 { font-size: 18pt; margin: 0 0 6pt; }
  h2 { font-size: 13pt; margin: 12pt 0 4pt; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border-bottom: 1px solid #b1b4b6; padding: 3pt 4pt; text-align: left; vertical-align: top; }
  td.n, th.n { text-align: right; }
  blockquote { margin: 4pt 0; padding-left: 8pt; border-left: 3pt solid #1d70b8; }
  footer { margin-top: 14pt; font-size: 9pt; color: #505a5f; }
`;

function gradesTable(f: AuditFindings): SafeHtml {
  return html`<table>
    <thead>
      <tr>
        <th scope="col">${W.gradeColumn}</th>
        <th scope="col" class="n">${W.auditsColumn}</th>
      </tr>
    </thead>
    <tbody>
      ${GRADES.map(
        (g) =>
          html`<tr>
            <td>${GRADE_NAMES[g]}</td>
            <td class="n">${f.grades[g]}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function standardsTable(f: AuditFindings): SafeHtml {
  return html`<table>
    <thead>
      <tr>
        <th scope="col">${W.standardColumn}</th>
        ${W.answerColumns.map((c) => html`<th scope="col" class="n">${c}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${f.standards.map(
        (t) =>
          html`<tr>
            <td>${clip(standardText(t.standard), 140)}</td>
            <td class="n">${t.yes}</td>
            <td class="n">${t.partly}</td>
            <td class="n">${t.no}</td>
            <td class="n">${t.notApplicable}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

export function auditSummaryPage(view: {
  monthName: string;
  findings: AuditFindings;
  made: IsoDate;
}): string {
  const f = view.findings;
  const strengths =
    f.strengths.length > 0
      ? f.strengths.map((s) => html`<blockquote>${clip(s.text, 400)}</blockquote>`)
      : html`<p>${W.noStrengths}</p>`;
  return html`<!doctype html>
    <html lang="${W.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${W.title(view.monthName)}</title>
        <style>
          ${new SafeHtml(STYLE)}
        </style>
      </head>
      <body>
        <main>
          <h1>${W.title(view.monthName)}</h1>
          <p>${f.due > 0 ? W.done(f.done, f.due) : W.noneDue}</p>
          <h2>${W.grades}</h2>
          ${gradesTable(f)}
          <h2>${W.standards}</h2>
          ${standardsTable(f)}
          <h2>${W.strengths}</h2>
          ${strengths}
          <h2>${W.actions}</h2>
          <p>${W.actionsLine(f.openActions, f.actionsNotDoneByDate)}</p>
          <h2>${W.moderation}</h2>
          <p>${W.moderationLine(f.moderation.agreed, f.moderation.moderated)}</p>
        </main>
        <footer>${W.footer(view.made)}</footer>
      </body>
    </html> `.value;
}
