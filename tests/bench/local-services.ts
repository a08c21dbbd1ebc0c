/** Real services for a benchmark: the embedded Cosmos server and Azurite, started for it alone. */
import type { Services } from '../../src/app/root';
import { createServices } from '../../src/app/root';
import { loadConfig } from '../../src/config';
import { startLocalCosmos, startLocalQueues } from '../../src/local/infrastructure';

export async function withLocalServices<T>(run: (services: Services) => Promise<T>): Promise<T> {
  const [cosmos, queues] = await Promise.all([startLocalCosmos(), startLocalQueues()]);
  try {
    const services = await createServices(
      loadConfig({
        HEARTH_MODE: 'local',
        HEARTH_COSMOS_ENDPOINT: cosmos.endpoint,
        AzureWebJobsStorage: queues.connectionString,
      }),
      { trustCertificate: cosmos.certificate },
    );
    try {
      return await run(services);
    } finally {
      services.dispose();
    }
  } finally {
    await Promise.all([cosmos.stop(), queues.stop()]);
  }
}
