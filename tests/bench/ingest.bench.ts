/**
 * Feed ingest into the embedded Cosmos server through the real SDK, beside the same server's own
 * limit: `ingest-throughput` is a whole batch (teams, people, children, events) parsed, checked
 * against the store and written; `ingest-raw-throughput` is the same documents written straight
 * through the SDK as parallel point upserts, as many in flight as ingest allows itself. Rounds
 * alternate, each into an empty database, and the medians are reported.
 */
import type { Container } from '@azure/cosmos';
import type { Services } from '../../src/app/root';
import { createServices } from '../../src/app/root';
import { loadConfig } from '../../src/config';
import { londonDate } from '../../src/domain/dates';
import { parseRecord } from '../../src/domain/feed-records';
import { toChild, toEvent, toPerson, toTeam } from '../../src/domain/from-feed';
import { startLocalCosmos, startLocalQueues } from '../../src/local/infrastructure';
import { ingest } from '../../src/services/ingest-batch';
import { WRITE_CONCURRENCY } from '../../src/services/ingest-write';
import { mapLimit } from '../../src/util/map-limit';
import type { Report } from './run';

const ROUNDS = 3;

export function syntheticBatch(children: number, prefix = 'bench'): Record<string, unknown>[] {
  const records: Record<string, unknown>[] = [{ type: 'team', id: `${prefix}-team`, name: 'Bench' }];
  for (let p = 0; p < 20; p++) {
    records.push({
      type: 'person',
      id: `${prefix}-p${p}`,
      teamId: `${prefix}-team`,
      displayName: `Worker ${p}`,
      roles: ['practitioner'],
    });
  }
  for (let c = 0; c < children; c++) {
    records.push({
      type: 'child',
      id: `${prefix}-c${c}`,
      teamId: `${prefix}-team`,
      firstName: 'Child',
      familyName: 'Bench',
      kind: 'child-in-need',
      allocatedPractitionerId: `${prefix}-p${c % 20}`,
      anchors: { referral: '2026-10-01' },
    });
    for (let e = 0; e < 5; e++) {
      records.push({
        type: 'event',
        id: `${prefix}-c${c}-e${e}`,
        childId: `${prefix}-c${c}`,
        kind: 'visit',
        dueDate: '2026-12-01',
      });
    }
  }
  return records;
}

/** The documents ingest writes for the batch, as the repositories stamp them. */
function documentsOf(batch: Record<string, unknown>[], now: Date): { container: string; doc: object }[] {
  const childTeam = new Map<string, string>();
  return batch.map((raw) => {
    const parsed = parseRecord(raw);
    if (!parsed.ok) throw new Error(parsed.reason);
    const r = parsed.record;
    if (r.type === 'team')
      return { container: 'people', doc: { ...toTeam(r), teamId: r.id, docType: 'team' } };
    if (r.type === 'person')
      return { container: 'people', doc: { ...toPerson(r, undefined), docType: 'person' } };
    if (r.type === 'child') {
      childTeam.set(r.id, r.teamId);
      return { container: 'children', doc: { ...toChild(r, undefined, londonDate(now)), docType: 'child' } };
    }
    const team = childTeam.get(r.childId) ?? '';
    return { container: 'events', doc: { ...toEvent(r, team), docType: 'event' } };
  });
}

async function freshServices(
  cosmos: { endpoint: string; certificate: string },
  queues: string,
  round: string,
) {
  return createServices(
    loadConfig({
      HEARTH_MODE: 'local',
      HEARTH_COSMOS_ENDPOINT: cosmos.endpoint,
      HEARTH_COSMOS_DATABASE: `bench-${round}`,
      AzureWebJobsStorage: queues,
    }),
    { trustCertificate: cosmos.certificate },
  );
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function rawRound(services: Services, docs: { container: string; doc: object }[]): Promise<number> {
  const containers = new Map<string, Container>();
  const container = (id: string) => {
    const found = containers.get(id) ?? services.store.database.container(id);
    containers.set(id, found);
    return found;
  };
  return timed(() =>
    mapLimit(docs, WRITE_CONCURRENCY, ({ container: id, doc }) => container(id).items.upsert(doc)),
  );
}

async function ingestRound(services: Services, batch: Record<string, unknown>[]): Promise<number> {
  return timed(async () => {
    const result = await ingest(services.store, batch, {
      acceptValid: false,
      actor: 'bench',
      now: new Date(),
    });
    if (!result.written) throw new Error('the bench batch was refused');
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] as number;

export async function ingestBench(report: Report, calibration: number): Promise<void> {
  const [cosmos, queues] = await Promise.all([startLocalCosmos(), startLocalQueues()]);
  try {
    const batch = syntheticBatch(400);
    const docs = documentsOf(batch, new Date());
    const raw: number[] = [];
    const ingested: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const kind of ['raw', 'ingest'] as const) {
        const services = await freshServices(cosmos, queues.connectionString, `${kind}-${round}`);
        try {
          if (kind === 'raw') raw.push(await rawRound(services, docs));
          else ingested.push(await ingestRound(services, batch));
        } finally {
          await services.store.database.delete().catch(() => undefined);
          services.dispose();
        }
      }
    }
    const seconds = median(ingested);
    report('ingest-records', batch.length, 'records');
    report('ingest-seconds', seconds, 's');
    report('ingest-throughput', batch.length / seconds, 'records/s');
    report('ingest-raw-throughput', docs.length / median(raw), 'records/s');
    report('ingest-of-raw', median(raw) / seconds, 'of raw');
    report('ingest-ratio', (seconds * 1000) / calibration, 'x calibration');
    report('ingest-rss', process.memoryUsage().rss / 1024 / 1024, 'MB');
  } finally {
    await Promise.all([cosmos.stop(), queues.stop()]);
  }
}
