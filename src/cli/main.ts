/**
 * The `hearth` command line, for service admins: `import`, `calendar`, `plan`, `digest`, `audit`, `feedback`, `teams-app` and `forget`.
 * `--help` on each command says how to use it.
 */
import { Command } from 'commander';
import { ConfigError } from '../config';
import { MappingError } from '../ingest/csv-mapping';
import { registerAuditCommands } from './audit-command';
import { registerFeedbackCommands } from './feedback-command';
import { addCalendarCommand, addDigestCommand, addImportCommand, addPlanCommand } from './commands';
import { connect, connectStore } from './connect';
import { registerForgetCommand } from './forget-command';
import { DataFileError } from './plan-command';
import { registerTeamsAppCommand, TeamsAppError } from './teams-app-command';

export function buildProgram(): Command {
  const program = new Command('hearth')
    .description(
      "Hearth's admin commands. Settings come from the environment (see README); --local uses `npm start`.",
    )
    .showHelpAfterError()
    .exitOverride();

  addImportCommand(program);
  addPlanCommand(program);
  addDigestCommand(program);
  addCalendarCommand(program);
  registerTeamsAppCommand(program);
  registerForgetCommand(program, connectStore);
  registerAuditCommands(program, connect);
  registerFeedbackCommands(program, connect);
  return program;
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
    if (
      error instanceof ConfigError ||
      error instanceof MappingError ||
      error instanceof DataFileError ||
      error instanceof TeamsAppError
    ) {
      console.error(error.message);
    } else if (error instanceof Error && 'code' in error && error.code === 'ENOENT')
      console.error(`No such file: ${(error as NodeJS.ErrnoException).path}`);
    else console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  }
}

if (require.main === module) void main(process.argv);
