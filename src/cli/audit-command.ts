/**
 * `hearth audit ...`: the case audit commands for service admins and the quality board.
 *   sample  --month 2026-12 [--store [--local] | --data feed.json]   the month's sample as JSON, writing nothing
 *   export  --from --to [--csv] [--names] [--local]                  audits in a period (JSON, or CSV)
 *   summary --month 2026-12 [--local]                                the month's one-page summary (HTML)
 *   theme   --month 2027-01 --theme flag:neglect --as <head of service id> [--local]
 */
/* eslint-disable no-console -- a terminal program: printing is its job */
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import type { Services } from '../app/root';
import type { Config } from '../config';
import { loadConfig, loadLocalSettings } from '../config';
import type { SamplePlan } from '../domain/audit-sampling';
import { sampleMonth } from '../domain/audit-sampling';
import { createCalendar } from '../domain/calendar';
import { londonDate } from '../domain/dates';
import { isoDateSchema } from '../domain/schemas';
import {
  auditExportCsv,
  auditMonthSummary,
  exportAudits,
  planMonth,
  setThemedMonth,
} from '../services/audits';
import { pickReasonText } from '../text/audit-standards';
import { readDataFile } from './plan-command';

type Connect = (local: boolean) => Promise<Services>;

function monthArgument(value: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) throw new InvalidArgumentError('must be a month like 2026-12');
  return value;
}

function dateArgument(value: string): string {
  if (!isoDateSchema.safeParse(value).success)
    throw new InvalidArgumentError('must be a date like 2026-12-01');
  return value;
}

/** The plan as printed: each pick with why it was made in words; ids, never names. */
export function printablePlan(plan: SamplePlan) {
  return { ...plan, picks: plan.picks.map((p) => ({ ...p, why: pickReasonText(p.reason) })) };
}

/** The sample from a feed-format file: no audits yet, so nothing is excluded for having one. */
export function sampleFromFile(path: string, month: string, config: Config): SamplePlan {
  const data = readDataFile(path);
  return sampleMonth({
    month,
    programme: config.auditProgramme,
    people: data.people,
    children: data.children,
    events: data.events,
    history: [],
    calendar: createCalendar(config.region, config.holidays),
  });
}

async function withServices<T>(
  connect: Connect,
  local: boolean,
  run: (s: Services) => Promise<T>,
): Promise<T> {
  const services = await connect(local);
  try {
    return await run(services);
  } finally {
    services.dispose();
  }
}

export function registerAuditCommands(program: Command, connect: Connect): void {
  const audit = program
    .command('audit')
    .description('Case audits: the monthly sample, exports and summaries.');
  sampleCommand(audit, connect);
  exportCommand(audit, connect);
  summaryCommand(audit, connect);
  themeCommand(audit, connect);
}

function sampleCommand(audit: Command, connect: Connect): void {
  audit
    .command('sample')
    .description("Print, as JSON, the month's audit sample (children, auditors, why), writing nothing.")
    .requiredOption('--month <month>', 'the month, e.g. 2026-12', monthArgument)
    .addOption(new Option('--data <file>', 'a feed-format JSON file ({"records": [...]})').conflicts('store'))
    .option('--store', 'read the configured store (with --local: Hearth running under npm start)', false)
    .option('--local', 'with --store, use Hearth running locally', false)
    .action(
      async (opts: { month: string; data?: string; store: boolean; local: boolean }, command: Command) => {
        if (!opts.data && !opts.store)
          command.error('error: say where the data is: --data <file> or --store', { exitCode: 2 });
        if (opts.data) {
          const config = loadConfig(loadLocalSettings().env);
          console.log(JSON.stringify(printablePlan(sampleFromFile(opts.data, opts.month, config)), null, 2));
          return;
        }
        await withServices(connect, opts.local, async (s) => {
          const calendar = s.calendar;
          const plan = await planMonth(
            { store: s.store, calendar, programme: s.config.auditProgramme },
            opts.month,
          );
          console.log(JSON.stringify(printablePlan(plan), null, 2));
        });
      },
    );
}

function exportCommand(audit: Command, connect: Connect): void {
  audit
    .command('export')
    .description(
      'Print the audits due or submitted in a period, for the quality board: JSON, or CSV with --csv.',
    )
    .requiredOption('--from <date>', 'first date, yyyy-mm-dd', dateArgument)
    .requiredOption('--to <date>', 'last date, yyyy-mm-dd', dateArgument)
    .option('--csv', 'CSV (safe to open in a spreadsheet) instead of JSON', false)
    .option('--names', "add children's short names and staff names (ids only without it)", false)
    .option('--local', 'use Hearth running locally with npm start', false)
    .action(
      async (
        opts: { from: string; to: string; csv: boolean; names: boolean; local: boolean },
        command: Command,
      ) => {
        if (opts.to < opts.from) command.error('error: --to must not be before --from', { exitCode: 2 });
        await withServices(connect, opts.local, async (s) => {
          const data = await exportAudits(
            { store: s.store, programme: s.config.auditProgramme, nameStyle: s.config.childNameStyle },
            { from: opts.from, to: opts.to, names: opts.names },
          );
          if (opts.csv) process.stdout.write(auditExportCsv(data));
          else {
            const rows = data.rows.map((row) => Object.fromEntries(data.header.map((h, i) => [h, row[i]])));
            console.log(JSON.stringify(rows, null, 2));
          }
        });
      },
    );
}

function summaryCommand(audit: Command, connect: Connect): void {
  audit
    .command('summary')
    .description("Print the month's one-page printable summary, as HTML.")
    .requiredOption('--month <month>', 'the month, e.g. 2026-12', monthArgument)
    .option('--local', 'use Hearth running locally with npm start', false)
    .action(async (opts: { month: string; local: boolean }) => {
      await withServices(connect, opts.local, async (s) => {
        const page = await auditMonthSummary(
          { store: s.store, programme: s.config.auditProgramme, nameStyle: s.config.childNameStyle },
          { month: opts.month, made: londonDate(s.now()) },
        );
        process.stdout.write(page);
      });
    });
}

function themeCommand(audit: Command, connect: Connect): void {
  audit
    .command('theme')
    .description("Set a month's theme, as a head of service, before its audits go out.")
    .requiredOption('--month <month>', 'the month, e.g. 2027-01', monthArgument)
    .requiredOption('--theme <theme>', 'flag:<flag>, kind:<kind of child> or not-seen-alone')
    .requiredOption('--as <person>', 'the head of service setting it (their person id)')
    .option('--share <share>', 'the share of picks that follow the theme, 0 to 1', (v) => Number(v))
    .option('--local', 'use Hearth running locally with npm start', false)
    .action(async (opts: { month: string; theme: string; as: string; share?: number; local: boolean }) => {
      await withServices(connect, opts.local, async (s) => {
        const deps = {
          store: s.store,
          now: () => s.now(),
          calendar: s.calendar,
          programme: s.config.auditProgramme,
          // Setting a theme sends nothing.
          send: () => Promise.resolve(),
        };
        const share = opts.share !== undefined ? { share: opts.share } : {};
        const reply = await setThemedMonth(deps, {
          actorId: opts.as,
          month: opts.month,
          theme: opts.theme,
          ...share,
        });
        for (const line of reply.lines ?? []) console.log(line);
        if (reply.outcome !== 'set') process.exitCode = 1;
      });
    });
}
