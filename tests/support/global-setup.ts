/**
 * One embedded Cosmos server and one Azurite for the whole test run; each test file makes its own
 * database and queues on them, so files never see each other's data.
 */
import { startLocalCosmos, startLocalQueues } from '../../src/local/infrastructure';

export default async function globalSetup(): Promise<void> {
  const [cosmos, queues] = await Promise.all([startLocalCosmos(), startLocalQueues()]);
  process.env.HEARTH_TEST_COSMOS_ENDPOINT = cosmos.endpoint;
  process.env.HEARTH_TEST_COSMOS_CERT = cosmos.certificate;
  process.env.HEARTH_TEST_QUEUES = queues.connectionString;
  (globalThis as { __hearthInfra?: unknown }).__hearthInfra = { cosmos, queues };
}
