/**
 * Feed ingest into the embedded Cosmos server through the real SDK: a 5,000-record batch
 * (teams, people, children, events), timed end to end, checked and written.
 */
import { ingest } from '../../src/services/ingest-batch';
import { withLocalServices } from './local-services';
import type { Report } from './run';

function syntheticBatch(children: number): Record<string, unknown>[] {
  const records: Record<string, unknown>[] = [{ type: 'team', id: 'bench-team', name: 'Bench' }];
  for (let p = 0; p < 20; p++) {
    records.push({
      type: 'person',
      id: `bench-p${p}`,
      teamId: 'bench-team',
      displayName: `Worker ${p}`,
      roles: ['practitioner'],
    });
  }
  for (let c = 0; c < children; c++) {
    records.push({
      type: 'child',
      id: `bench-c${c}`,
      teamId: 'bench-team',
      firstName: 'Child',
      familyName: 'Bench',
      kind: 'child-in-need',
      allocatedPractitionerId: `bench-p${c % 20}`,
      anchors: { referral: '2026-10-01' },
    });
    for (let e = 0; e < 5; e++) {
      records.push({
        type: 'event',
        id: `bench-c${c}-e${e}`,
        childId: `bench-c${c}`,
        kind: 'visit',
        dueDate: '2026-12-01',
      });
    }
  }
  return records;
}

export async function ingestBench(report: Report): Promise<void> {
  await withLocalServices(async (services) => {
    const batch = syntheticBatch(400);
    const started = process.hrtime.bigint();
    const result = await ingest(services.store, batch, {
      acceptValid: false,
      actor: 'bench',
      now: new Date(),
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (!result.written) throw new Error('the bench batch was refused');
    report('ingest-records', batch.length, 'records');
    report('ingest-seconds', seconds, 's');
    report('ingest-throughput', batch.length / seconds, 'records/s');
    report('ingest-rss', process.memoryUsage().rss / 1024 / 1024, 'MB');
  });
}
