/**
 * `npm run bench`: measures, prints `bench <name>: <value> <unit>` lines, asserts nothing.
 * Each benchmark is a function in this folder; pass names to run only some. Before each one,
 * `bench calibration: N ms` times a fixed workload in this process (calibration.ts).
 */
/* eslint-disable no-console -- a benchmark prints its figures */
import { auditBench } from './audit.bench';
import { calibrate } from './calibration';
import { chaosBench } from './chaos.bench';
import { csvImportBench } from './csv-import.bench';
import { deliveryBench } from './delivery.bench';
import { deliveryQueueBench } from './delivery-queue.bench';
import { digestBench } from './digest.bench';
import { ingestBench } from './ingest.bench';
import { plannerBench } from './planner.bench';
import { surveyBench } from './survey.bench';

export type Report = (name: string, value: number, unit: string) => void;

/** A benchmark gets the calibration time measured just before it, to divide its timed figures by. */
const BENCHES: Record<string, (report: Report, calibration: number) => Promise<void>> = {
  planner: plannerBench,
  digest: digestBench,
  ingest: ingestBench,
  'csv-import': csvImportBench,
  delivery: deliveryBench,
  'delivery-queue': deliveryQueueBench,
  chaos: chaosBench,
  audit: auditBench,
  survey: surveyBench,
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const report: Report = (name, value, unit) =>
    console.log(`bench ${name}: ${Number(value.toFixed(3))} ${unit}`);
  for (const [name, bench] of Object.entries(BENCHES)) {
    if (wanted.length && !wanted.includes(name)) continue;
    // The same fixed workload just before each benchmark, so its figures can be set against it.
    await bench(report, calibrate(report));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
