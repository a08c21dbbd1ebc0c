/**
 * The `hearth` command line, for service admins: `import`, `calendar`, `plan`, `digest` and `feedback`.
 * `--help` on each command says how to use it.
 */
/* eslint-disable no-console -- a terminal program: printing is its job */
import { Command, InvalidArgumentError, Option } from 'commander';
import type { CalendarRegion } from '../domain/bank-holidays';
import { CALENDAR_REGIONS } from '../domain/bank-holidays';
import { createCalendar } from '../domain/calendar';
import { isoWeekMonday } from '../domain/dates';
import { isoDateSchema } from '../ingest/records';
import type { Services } from '../app/services';
import { createServices } from '../app/services';
import { ConfigError, loadConfig, loadConfigFromEnvironment, loadLocalSettings } from '../config';
import { CSV_KINDS, MappingError } from '../ingest/csv-mapping';
import type { CsvKind } from '../ingest/csv-mapping';
import { readLocalConnection } from '../local/connection-file';
import { registerFeedbackCommands } from './feedback-command';
import { runImport } from './import-command';
import { DataFileError, digestDryRun, dryRun, parseAt, readDataFile, readStoreData } from './plan-command';

/** Connects to the store: the running `npm start` with --local, otherwise the configured one. */
async function connect(local: boolean): Promise<Services> {
  if (!local) return createServices(loadConfigFromEnvironment());
  const settings = loadLocalSettings();
  const connection = readLocalConnection(settings.dataDir);
  const config = loadConfig({
    ...settings.env,
    HEARTH_COSMOS_ENDPOINT: connection.cosmosEndpoint,
    AzureWebJobsStorage: connection.queueConnection,
  });
  return createServices(config, connection.certificate ? { trustCertificate: connection.certificate } : {});
}

export function buildProgram(): Command {
  const program = new Command('hearth')
    .description(
      "Hearth's admin commands. Settings come from the environment (see README); --local uses `npm start`.",
    )
    .showHelpAfterError()
    .exitOverride();

  program
    .command('import')
    .description(
      'Import a CSV extract (people, children, events or teams) into Hearth. Writes nothing if any row is bad.',
    )
    .argument('<file>', 'the CSV file (UTF-8, with or without BOM; a header row first)')
    .addOption(new Option('--kind <kind>', 'what the rows are').choices(CSV_KINDS).makeOptionMandatory())
    .option(
      '--mapping <file>',
      'JSON file mapping Hearth fields to your column names (see docs/csv-mapping.example.json)',
    )
    .option('--accept-valid', 'write the good rows even when some rows are bad', false)
    .option('--rejects <file>', 'also write the bad rows, with reasons, to this CSV file')
    .option('--local', 'import into Hearth running locally with npm start', false)
    .action(
      async (
        file: string,
        opts: { kind: CsvKind; mapping?: string; acceptValid: boolean; rejects?: string; local: boolean },
      ) => {
        const services = await connect(opts.local);
        try {
          const report = await runImport(
            services.store,
            {
              file,
              kind: opts.kind,
              mapping: opts.mapping,
              acceptValid: opts.acceptValid,
              rejects: opts.rejects,
              progress: process.stderr.isTTY === true,
              now: services.now(),
            },
            (line) => console.log(line),
          );
          process.exitCode = report.exitCode;
        } finally {
          services.dispose();
        }
      },
    );

  program
    .command('plan')
    .description(
      'Print, as JSON, the messages Hearth would plan at a moment: a preview of the morning nudges.',
    )
    .requiredOption('--at <time>', 'London date and time, e.g. 2026-12-01T08:30', atArgument)
    .addOption(new Option('--data <file>', 'a feed-format JSON file ({"records": [...]})').conflicts('store'))
    .option('--store', 'read the configured store (with --local: Hearth running under npm start)', false)
    .option('--local', 'with --store, use Hearth running locally', false)
    .action(async (opts: { at: Date; data?: string; store: boolean; local: boolean }, command: Command) => {
      if (!opts.data && !opts.store)
        command.error('error: say where the data is: --data <file> or --store', { exitCode: 2 });
      if (opts.data) {
        const config = loadConfig(loadLocalSettings().env);
        console.log(JSON.stringify(dryRun(readDataFile(opts.data), opts.at, config), null, 2));
        return;
      }
      const services = await connect(opts.local);
      try {
        console.log(
          JSON.stringify(dryRun(await readStoreData(services.store), opts.at, services.config), null, 2),
        );
      } finally {
        services.dispose();
      }
    });

  program
    .command('digest')
    .description("Print, as JSON, a team's weekly digest as its manager would get it on the Monday after.")
    .requiredOption('--team <id>', 'the team id')
    .requiredOption('--week <week>', 'the ISO week reviewed, e.g. 2026-W49', weekArgument)
    .addOption(new Option('--data <file>', 'a feed-format JSON file ({"records": [...]})').conflicts('store'))
    .option('--store', 'read the configured store (with --local: Hearth running under npm start)', false)
    .option('--local', 'with --store, use Hearth running locally', false)
    .action(
      async (
        opts: { team: string; week: string; data?: string; store: boolean; local: boolean },
        command: Command,
      ) => {
        if (!opts.data && !opts.store)
          command.error('error: say where the data is: --data <file> or --store', { exitCode: 2 });
        if (opts.data) {
          const config = loadConfig(loadLocalSettings().env);
          console.log(
            JSON.stringify(digestDryRun(readDataFile(opts.data), opts.team, opts.week, config), null, 2),
          );
          return;
        }
        const services = await connect(opts.local);
        try {
          const data = await readStoreData(services.store);
          console.log(JSON.stringify(digestDryRun(data, opts.team, opts.week, services.config), null, 2));
        } finally {
          services.dispose();
        }
      },
    );

  program
    .command('calendar')
    .description('Print the bank holidays for a region between two dates, one ISO date per line.')
    .addOption(
      new Option('--region <region>', 'whose bank holidays')
        .choices(CALENDAR_REGIONS)
        .default('england-and-wales'),
    )
    .requiredOption('--from <date>', 'first date, yyyy-mm-dd', isoDateArgument)
    .requiredOption('--to <date>', 'last date, yyyy-mm-dd', isoDateArgument)
    .action((opts: { region: CalendarRegion; from: string; to: string }, command: Command) => {
      if (opts.to < opts.from) command.error('error: --to must not be before --from', { exitCode: 2 });
      for (const day of createCalendar(opts.region).bankHolidaysBetween(opts.from, opts.to)) console.log(day);
    });

  registerFeedbackCommands(program, connect);

  return program;
}

function atArgument(value: string): Date {
  const at = parseAt(value);
  if (!at) throw new InvalidArgumentError('must be a London date and time like 2026-12-01T08:30');
  return at;
}

/** An ISO week id, returned as its Monday. */
function weekArgument(value: string): string {
  const monday = isoWeekMonday(value);
  if (!monday) throw new InvalidArgumentError('must be an ISO week like 2026-W49');
  return monday;
}

function isoDateArgument(value: string): string {
  const parsed = isoDateSchema.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError('must be a date like 2026-12-01');
  return parsed.data;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version') return;
    if (typeof code === 'string' && code.startsWith('commander.')) {
      process.exitCode = 2;
      return;
    }
    if (error instanceof ConfigError || error instanceof MappingError || error instanceof DataFileError) {
      console.error(error.message);
    } else if (error instanceof Error && 'code' in error && error.code === 'ENOENT')
      console.error(`No such file: ${(error as NodeJS.ErrnoException).path}`);
    else console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  }
}

if (require.main === module) void main(process.argv);
