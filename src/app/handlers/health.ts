/**
 * GET /api/health: whether the store and the queues answer. 200 when both do; 503 naming the part
 * that did not, so whoever is on call knows where to look.
 */
import type { HttpFunction } from '../function-types';
import { services } from '../services';

const CHECK_TIMEOUT_MS = 5_000;

/** 'ok', or 'failed: <why>'. */
async function check(probe: () => Promise<void>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
          CHECK_TIMEOUT_MS,
        );
      }),
    ]);
    return 'ok';
  } catch (error) {
    return `failed: ${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'}`;
  } finally {
    clearTimeout(timer);
  }
}

export const healthFunction: HttpFunction = {
  kind: 'http',
  name: 'health',
  route: 'health',
  methods: ['GET'],
  async handler() {
    let checks: { store: string; queues: string };
    try {
      const { store, queues } = await services();
      const [storeCheck, queueCheck] = await Promise.all([
        check(() => store.ping()),
        check(() => queues.ping()),
      ]);
      checks = { store: storeCheck, queues: queueCheck };
    } catch (error) {
      const reason = `failed: ${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'}`;
      checks = { store: reason, queues: reason };
    }
    const healthy = checks.store === 'ok' && checks.queues === 'ok';
    return {
      status: healthy ? 200 : 503,
      headers: { 'cache-control': 'no-store' },
      jsonBody: { status: healthy ? 'healthy' : 'unhealthy', checks },
    };
  },
};
