/**
 * The `hearth` commands, one registration each: import, plan, digest and calendar.
 */
/* eslint-disable no-console -- a terminal program: printing is its job */
import type { Command } from 'commander';
import { Option } from 'commander';
import { loadConfig, loadLocalSettings } from '../config';
import type { CalendarRegion } from '../domain/bank-holidays';
import { CALENDAR_REGIONS } from '../domain/bank-holidays';
import { createCalendar } from '../domain/calendar';
import type { CsvKind } from '../ingest/csv-mapping';
import { CSV_KINDS } from '../ingest/csv-mapping';
import { atArgument, isoDateArgument, weekArgument } from './arguments';
import { connectStore } from './connect';
import { runImport } from './import-command';
import { digestDryRun, dryRun, readDataFile, readStoreData } from './plan-command';

/** `hearth import`: a CSV extract into the store. */
export function addImportCommand(program: Command): void {
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
    .option('--dry-run', 'check every row (against the store too) and write nothing', false)
    .option('--local', 'import into Hearth running locally with npm start', false)
    .action(
      async (
        file: string,
        opts: {
          kind: CsvKind;
          mapping?: string;
          acceptValid: boolean;
          rejects?: string;
          dryRun: boolean;
          local: boolean;
        },
      ) => {
        const services = await connectStore(opts.local);
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
              dryRun: opts.dryRun,
              dates: services.config.feed.dates,
            },
            (line) => console.log(line),
          );
          process.exitCode = report.exitCode;
        } finally {
          services.dispose();
        }
      },
    );
}

/** `hearth plan`: a preview of the messages planned at a moment. */
export function addPlanCommand(program: Command): void {
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
      const services = await connectStore(opts.local);
      try {
        console.log(
          JSON.stringify(dryRun(await readStoreData(services.store), opts.at, services.config), null, 2),
        );
      } finally {
        services.dispose();
      }
    });
}

/** `hearth digest`: a team's weekly digest. */
export function addDigestCommand(program: Command): void {
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
        const services = await connectStore(opts.local);
        try {
          const data = await readStoreData(services.store);
          console.log(JSON.stringify(digestDryRun(data, opts.team, opts.week, services.config), null, 2));
        } finally {
          services.dispose();
        }
      },
    );
}

/** `hearth calendar`: the bank holidays between two dates. */
export function addCalendarCommand(program: Command): void {
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
}
