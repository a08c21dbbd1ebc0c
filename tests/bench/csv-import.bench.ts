/**
 * The CSV import in bounded memory: a 50 MB events file (about 900,000 rows, the size that once
 * took five minutes and 1.4 GB) checked in full against the store (`--dry-run`), and a smaller file
 * written, each by `hearth import` itself in a fresh process (against the bench's embedded server,
 * as `--local`), so its peak memory is its own. Prints rows a second and peak RSS; the README
 * promises files of this size stay under 300 MB.
 */
import { execFile } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { writeLocalConnection } from '../../src/app/local-connection';
import { createServices } from '../../src/app/root';
import { loadConfig } from '../../src/config';
import { startLocalCosmos, startLocalQueues } from '../../src/local/infrastructure';
import { ingest } from '../../src/services/ingest-batch';
import type { Report } from './run';

const CHILDREN = 4_000;
const DRY_ROWS = 903_946;
// Written into the local server, whose queries read every item: kept small so the figure is the import's.
const WRITE_ROWS = 10_000;
const DATABASE = 'bench-csv';

/** An events extract: each row one visit, completed or planned, for one of the children. */
async function writeEvents(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('id,childId,kind,status,dueDate,completedDate,seenAlone,recordedBy\n');
  for (let i = 0; i < rows; i++) {
    const child = `csv-c${i % CHILDREN}`;
    const day = String(1 + (i % 28)).padStart(2, '0');
    const line =
      i % 3 === 0
        ? `event-${i},${child},visit,planned,${day}/12/2026,,,\n`
        : `event-${i},${child},visit,completed,,${day}/10/2026,${i % 2 ? 'yes' : 'no'},csv-p${i % 20}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function seed(endpoint: string, certificate: string, queues: string): Promise<void> {
  const services = await createServices(
    loadConfig({
      HEARTH_MODE: 'local',
      HEARTH_COSMOS_ENDPOINT: endpoint,
      HEARTH_COSMOS_DATABASE: DATABASE,
      AzureWebJobsStorage: queues,
    }),
    { trustCertificate: certificate },
  );
  try {
    const records: unknown[] = [{ type: 'team', id: 'csv-team', name: 'CSV' }];
    for (let p = 0; p < 20; p++)
      records.push({
        type: 'person',
        id: `csv-p${p}`,
        teamId: 'csv-team',
        displayName: `W ${p}`,
        roles: ['practitioner'],
      });
    for (let c = 0; c < CHILDREN; c++)
      records.push({
        type: 'child',
        id: `csv-c${c}`,
        teamId: 'csv-team',
        firstName: 'Child',
        familyName: 'Csv',
        kind: 'child-in-need',
        allocatedPractitionerId: `csv-p${c % 20}`,
      });
    const result = await ingest(services.store, records, {
      acceptValid: false,
      actor: 'bench',
      now: new Date(),
    });
    if (!result.written) throw new Error('the CSV bench could not seed its children');
  } finally {
    services.dispose();
  }
}

interface Imported {
  rows: number;
  seconds: number;
  peakRssMb: number;
}

async function importInFreshProcess(dataDir: string, file: string, dryRun: boolean): Promise<Imported> {
  const cli = join(__dirname, '..', '..', '..', 'bin', 'hearth.js');
  const args = [
    '--require',
    join(__dirname, 'peak-rss.js'),
    cli,
    'import',
    file,
    '--kind',
    'events',
    '--local',
  ];
  const started = process.hrtime.bigint();
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    dryRun ? [...args, '--dry-run'] : args,
    {
      env: { ...process.env, HEARTH_DATA_DIR: dataDir, HEARTH_COSMOS_DATABASE: DATABASE },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rows = Number(/Read (\d+) row/.exec(stdout)?.[1]);
  const peak = Number(/peak-rss-kb (\d+)/.exec(stderr)?.[1]);
  if (!rows || !peak || /problems|not written/.test(stdout))
    throw new Error(`the import went wrong:\n${stdout}${stderr}`);
  return { rows, seconds, peakRssMb: peak / 1024 };
}

export async function csvImportBench(report: Report, calibration: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-csv-bench-'));
  const [cosmos, queues] = await Promise.all([startLocalCosmos(), startLocalQueues()]);
  try {
    await seed(cosmos.endpoint, cosmos.certificate, queues.connectionString);
    // Where `hearth import --local` finds the store, as `npm start` would leave it.
    writeLocalConnection(dir, {
      cosmosEndpoint: cosmos.endpoint,
      certificate: cosmos.certificate,
      queueConnection: queues.connectionString,
      url: 'http://localhost:0',
    });
    const big = join(dir, 'events-big.csv');
    const small = join(dir, 'events-small.csv');
    await writeEvents(big, DRY_ROWS);
    await writeEvents(small, WRITE_ROWS);

    const checked = await importInFreshProcess(dir, big, true);
    report('csv-import-file-size', statSync(big).size / 1024 / 1024, 'MB');
    report('csv-import-rows', checked.rows, 'rows');
    report('csv-import-rows-per-second', checked.rows / checked.seconds, 'rows/s');
    report('csv-import-peak-rss', checked.peakRssMb, 'MB');
    report('csv-import-ratio', (checked.seconds * 1000) / calibration, 'x calibration');

    const written = await importInFreshProcess(dir, small, false);
    report('csv-import-write-rows', written.rows, 'rows');
    report('csv-import-write-rows-per-second', written.rows / written.seconds, 'rows/s');
    report('csv-import-write-peak-rss', written.peakRssMb, 'MB');
  } finally {
    await Promise.all([cosmos.stop(), queues.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}
