/** The `hearth` command line's own parsing: usage errors are clear and exit 2. */
import { main } from '../../../src/cli/main';

let output: string;
beforeEach(() => {
  output = '';
  process.exitCode = undefined;
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((output += String(chunk)), true));
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((output += String(chunk)), true));
  jest.spyOn(console, 'error').mockImplementation((...args) => void (output += `${args.join(' ')}\n`));
});
afterEach(() => {
  jest.restoreAllMocks();
  process.exitCode = undefined;
});

const run = (...args: string[]) => main(['node', 'hearth', ...args]);

it('explains import in --help', async () => {
  await run('import', '--help');
  expect(output).toContain('Usage: hearth import [options] <file>');
  expect(output).toContain('--kind <kind>');
  expect(process.exitCode).toBeUndefined();
});

it('insists on --kind', async () => {
  await run('import', 'x.csv');
  expect(output).toContain("required option '--kind <kind>' not specified");
  expect(process.exitCode).toBe(2);
});

it('refuses an unknown kind, listing the right ones', async () => {
  await run('import', 'x.csv', '--kind', 'households');
  expect(output).toContain('Allowed choices are teams, people, children, events');
  expect(process.exitCode).toBe(2);
});

it('says when Hearth is not running locally', async () => {
  process.env.HEARTH_DATA_DIR = `/tmp/hearth-not-running-${process.pid}`;
  await run('import', 'x.csv', '--kind', 'children', '--local');
  delete process.env.HEARTH_DATA_DIR;
  expect(output).toContain('Start it with npm start first');
  expect(process.exitCode).toBe(2);
});
