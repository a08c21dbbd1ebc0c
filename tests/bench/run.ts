/**
 * `npm run bench`: measures, prints `bench <name>: <value> <unit>` lines, asserts nothing.
 * Each benchmark is a function in this folder; pass names to run only some.
 */
/* eslint-disable no-console -- a benchmark prints its figures */
import { csvImportBench } from './csv-import.bench';
import { deliveryBench } from './delivery.bench';
import { digestBench } from './digest.bench';
import { ingestBench } from './ingest.bench';
import { plannerBench } from './planner.bench';

export type Report = (name: string, value: number, unit: string) => void;

const BENCHES: Record<string, (report: Report) => Promise<void>> = {
  planner: plannerBench,
  digest: digestBench,
  ingest: ingestBench,
  'csv-import': csvImportBench,
  delivery: deliveryBench,
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const report: Report = (name, value, unit) =>
    console.log(`bench ${name}: ${Number(value.toFixed(3))} ${unit}`);
  for (const [name, bench] of Object.entries(BENCHES)) {
    if (wanted.length && !wanted.includes(name)) continue;
    await bench(report);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
