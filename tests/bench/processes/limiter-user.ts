/**
 * A process that shares the send rate with others through the store and takes turns from it, as
 * an instance of Hearth sending cards would: `go` makes it take `HEARTH_TURNS` turns, eight at a
 * time, and tell the parent when each began.
 */
import { sharedRateLimiter } from '../../../src/delivery/shared-rate';
import { COSMOS_EMULATOR_KEY } from '../../../src/config';
import { createCosmosClient } from '../../../src/store/cosmos-client';
import { endWithParent, hear, tell } from './child';

async function main(): Promise<void> {
  endWithParent();
  const env = process.env;
  const cosmos = createCosmosClient({
    endpoint: env.HEARTH_COSMOS_ENDPOINT ?? '',
    key: COSMOS_EMULATOR_KEY,
    trustCertificate: env.HEARTH_COSMOS_CERT ?? '',
  });
  const container = cosmos.client.database(env.HEARTH_COSMOS_DATABASE ?? '').container('outbox');
  const limiter = sharedRateLimiter(container, Number(env.HEARTH_SEND_RATE_PER_SECOND));
  const turns = Number(env.HEARTH_TURNS);
  tell({ ready: process.pid });
  await hear((m): m is 'go' => m === 'go');
  const began: number[] = [];
  let left = turns;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (left > 0) {
        left -= 1;
        began.push(await limiter.take());
      }
    }),
  );
  tell({ began, skipped: limiter.skipped() });
  cosmos.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
