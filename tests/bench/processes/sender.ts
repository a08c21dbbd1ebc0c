/**
 * One instance of Hearth's sender, as Azure Functions would run it: the real services and the
 * real send-outbox and outbox-poison handlers, fed by the real local queue runner from Azurite.
 * It starts on `go` and stops on `stop`. For the chaos benchmark it can tell the parent which chat
 * it is about to send to (so the parent can kill it mid-send), and make the queue's long delays
 * shorter by a factor (so an hour's Retry-After does not take an hour).
 */
import type { DeliveryResult } from '../../../src/delivery/deliver';
import { createServices } from '../../../src/app/root';
import { outboxPoisonFunction } from '../../../src/app/handlers/outbox-poison';
import { sendOutboxFunction } from '../../../src/app/handlers/send-outbox';
import { loadConfig } from '../../../src/config';
import type { Queues } from '../../../src/delivery/queues';
import { startQueueRunner } from '../../../src/local/queue-runner';
import { endWithParent, hear, tell } from './child';

const env = process.env;
const number = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);

/** Queue delays divided by `scale`, at least a second: minutes of waiting become seconds. */
function scaled(queues: Queues, scale: number): Queues {
  return {
    ...queues,
    send: (queue, message, options) =>
      queues.send(
        queue,
        message,
        options?.visibilityTimeoutSeconds
          ? { visibilityTimeoutSeconds: Math.max(1, Math.ceil(options.visibilityTimeoutSeconds / scale)) }
          : undefined,
      ),
  };
}

async function main(): Promise<void> {
  endWithParent();
  const base = await createServices(loadConfig({ ...env, HEARTH_MODE: 'local' }), {
    trustCertificate: env.HEARTH_COSMOS_CERT ?? '',
  });
  const reportSends = env.HEARTH_BENCH_REPORT_SENDS === 'true';
  // When each send was let through by the shared rate: the parent checks every second of them.
  const began: number[] = [];
  const limiter = {
    ...base.limiter,
    take: async () => {
      const at = await base.limiter.take();
      began.push(at);
      return at;
    },
  };
  const services = {
    ...base,
    limiter,
    queues: scaled(base.queues, number('HEARTH_BENCH_QUEUE_SCALE', 1)),
    deliveryOptions: {
      ...base.deliveryOptions,
      claimMs: number('HEARTH_BENCH_CLAIM_MS', base.deliveryOptions.claimMs),
      claimMarginMs: number('HEARTH_BENCH_CLAIM_MARGIN_MS', base.deliveryOptions.claimMarginMs),
      sendTimeoutMs: number('HEARTH_BENCH_SEND_TIMEOUT_MS', base.deliveryOptions.sendTimeoutMs),
    },
    sender: {
      send(reference: Record<string, unknown>, activity: Record<string, unknown>) {
        if (reportSends) tell({ sending: (reference.conversation as { id: string }).id });
        return base.sender.send(reference, activity);
      },
    },
  };
  const outcomes: Record<string, number> = {};
  const provider = () => Promise.resolve(services);
  tell({ ready: process.pid });
  await hear((m): m is 'go' => m === 'go');
  const runner = startQueueRunner(
    [sendOutboxFunction(provider), outboxPoisonFunction(provider)],
    services.queues.service,
    (level, _name, message, details) => {
      if (message === 'send-outbox: delivered') {
        const outcome = (details as DeliveryResult).outcome;
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      } else if (level === 'error' && env.HEARTH_BENCH_VERBOSE) console.error(message, details);
    },
    {
      visibilityTimeoutSeconds: number('HEARTH_BENCH_RETRY_SECONDS', 30),
      holdSeconds: number('HEARTH_BENCH_HOLD_SECONDS', 60),
    },
  );
  await hear((m): m is 'stop' => m === 'stop');
  await runner.stop();
  tell({ stopped: { outcomes, skipped: base.limiter.skipped(), began } });
  base.dispose();
  process.disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
