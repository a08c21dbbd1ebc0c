import type { LocalCosmos, LocalQueues } from '../../src/local/infrastructure';

export default async function globalTeardown(): Promise<void> {
  const infra = (globalThis as { __hearthInfra?: { cosmos: LocalCosmos; queues: LocalQueues } })
    .__hearthInfra;
  await Promise.all([infra?.cosmos.stop(), infra?.queues.stop()]);
}
