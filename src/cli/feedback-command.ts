/**
 * `hearth feedback link` makes a family's link from the command line (printed alone on the last
 * line, for a script or a QR code generator), and `hearth feedback export` writes responses for
 * the quality board as JSON or spreadsheet-safe CSV: ids, never names.
 */
/* eslint-disable no-console -- a terminal program: printing is its job */
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import type { Services } from '../app/root';
import { loadLocalSettings } from '../config';
import type { Audience, Language } from '../domain/feedback-types';
import { AUDIENCES, LANGUAGES } from '../domain/feedback-types';
import { isoDateSchema } from '../domain/schemas';
import { csvLine } from '../util/csv-out';
import { readLocalConnection } from '../app/local-connection';
import { createFeedbackLink } from '../services/feedback/create-link';
import { EXPORT_COLUMNS, exportFeedback } from '../services/feedback/export';

export interface LinkOptions {
  child: string;
  audience: Audience;
  language: Language;
  practitioner?: string | undefined;
  publicBaseUrl: string;
}

/** 0 with the link printed last; 1 when the child or their practitioner cannot be found. */
export async function runFeedbackLink(
  services: Services,
  options: LinkOptions,
  print: (line: string) => void,
): Promise<0 | 1> {
  const found = (await services.store.children.findByIds([options.child])).filter((c) => !c.closed);
  const child = found[0];
  if (!child) {
    print(`No open child with id ${options.child}. Check the id, or import the children first.`);
    return 1;
  }
  const practitionerId = options.practitioner ?? child.allocatedPractitionerId;
  if (!practitionerId) {
    print(
      `Child ${child.id} has no allocated practitioner: say whose card the answers go to with --practitioner <id>.`,
    );
    return 1;
  }
  const created = await createFeedbackLink(
    {
      feedback: services.store.feedback,
      now: services.now,
      publicBaseUrl: options.publicBaseUrl,
      linkLifetimeDays: services.config.feedback.linkLifetimeDays,
    },
    {
      teamId: child.teamId,
      childId: child.id,
      practitionerId,
      audience: options.audience,
      language: options.language,
      createdBy: 'cli',
    },
  );
  print(
    `A ${options.audience} link in ${options.language} for child ${child.id}; answers go to ${practitionerId}; ` +
      `it works until ${created.link.expiresAt} (link id ${created.link.id}). Hearth cannot show this link again:`,
  );
  print(created.url);
  return 0;
}

export async function runFeedbackExport(
  services: Services,
  options: { from: string; to: string; csv: boolean },
  write: (text: string) => void,
): Promise<void> {
  const rows = await exportFeedback({ feedback: services.store.feedback }, options);
  if (!options.csv) {
    write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  write(csvLine([...EXPORT_COLUMNS]));
  for (const row of rows) write(csvLine(EXPORT_COLUMNS.map((c) => row[c])));
}

function dateArgument(value: string): string {
  const parsed = isoDateSchema.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError('must be a date like 2026-12-01');
  return parsed.data;
}

/** With --local, links point at the running `npm start`. */
function baseUrl(services: Services, local: boolean): string {
  if (!local) return services.config.feedback.publicBaseUrl;
  return readLocalConnection(loadLocalSettings().dataDir).url.replace(/\/+$/, '');
}

export function registerFeedbackCommands(
  program: Command,
  connect: (local: boolean) => Promise<Services>,
): void {
  const feedback = program.command('feedback').description('Family feedback: make a link, export responses.');
  feedback
    .command('link')
    .description('Make a link for a family to answer; the link is printed alone on the last line.')
    .requiredOption('--child <id>', "the child's id (their case number)")
    .addOption(new Option('--for <who>', 'who answers').choices(AUDIENCES).makeOptionMandatory())
    .addOption(new Option('--lang <code>', 'the language the pages open in').choices(LANGUAGES).default('en'))
    .option('--practitioner <id>', 'whose card the answers go to (default: the allocated practitioner)')
    .option('--local', 'use Hearth running locally with npm start', false)
    .action(
      async (opts: {
        child: string;
        for: Audience;
        lang: Language;
        practitioner?: string;
        local: boolean;
      }) => {
        const services = await connect(opts.local);
        try {
          process.exitCode = await runFeedbackLink(
            services,
            {
              child: opts.child,
              audience: opts.for,
              language: opts.lang,
              practitioner: opts.practitioner,
              publicBaseUrl: baseUrl(services, opts.local),
            },
            (line) => console.log(line),
          );
        } finally {
          services.dispose();
        }
      },
    );
  feedback
    .command('export')
    .description('Write responses between two dates (London, both included) for the quality board.')
    .requiredOption('--from <date>', 'first date, yyyy-mm-dd', dateArgument)
    .requiredOption('--to <date>', 'last date, yyyy-mm-dd', dateArgument)
    .option('--csv', 'CSV (safe to open in a spreadsheet) instead of JSON', false)
    .option('--local', 'use Hearth running locally with npm start', false)
    .action(async (opts: { from: string; to: string; csv: boolean; local: boolean }, command: Command) => {
      if (opts.to < opts.from) command.error('error: --to must not be before --from', { exitCode: 2 });
      const services = await connect(opts.local);
      try {
        await runFeedbackExport(services, opts, (text) => process.stdout.write(text));
      } finally {
        services.dispose();
      }
    });
}
