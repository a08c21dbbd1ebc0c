/**
 * The embedded Cosmos DB-compatible server in a process of its own, as the store is a separate
 * service in Azure: the senders being measured do not share its event loop.
 */
import { startLocalCosmos } from '../../../src/local/infrastructure';
import { endWithParent, tell } from './child';

async function main(): Promise<void> {
  endWithParent();
  const cosmos = await startLocalCosmos();
  tell({ ready: { endpoint: cosmos.endpoint, certificate: cosmos.certificate } });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
