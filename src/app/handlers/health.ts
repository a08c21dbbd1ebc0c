/**
 * GET /api/health: whether the store and the queues answer. 200 when both do; 503 naming the part
 * that did not, so whoever is on call knows where to look. In production, without the health key
 * in `x-hearth-health-key`, it says only "ok" or "unavailable": the detail is for the on-call team.
 */
import type { Config } from '../../config';
import { sameSecret } from '../../util/same-secret';
import type { HttpFunction } from '../function-types';
import { services } from '../services';

const CHECK_TIMEOUT_MS = 5_000;
export const HEALTH_KEY_HEADER = 'x-hearth-health-key';

/** 'ok', or 'failed: <why>'. */
async function check(probe: (signal: AbortSignal) => Promise<void>): Promise<string> {
  // Aborting (rather than racing a timer) also stops the SDK's own retries when we give up.
  const signal = AbortSignal.timeout(CHECK_TIMEOUT_MS);
  try {
    await probe(signal);
    return 'ok';
  } catch (error) {
    if (signal.aborted) return `failed: no answer within ${CHECK_TIMEOUT_MS} ms`;
    return `failed: ${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'}`;
  }
}

export const healthFunction: HttpFunction = {
  kind: 'http',
  name: 'health',
  route: 'health',
  methods: ['GET'],
  async handler(request) {
    let checks: { store: string; queues: string };
    let config: Config | undefined;
    try {
      const { store, queues, ...rest } = await services();
      config = rest.config;
      const [storeCheck, queueCheck] = await Promise.all([
        check((signal) => store.ping(signal)),
        check((signal) => queues.ping(signal)),
      ]);
      checks = { store: storeCheck, queues: queueCheck };
    } catch (error) {
      const reason = `failed: ${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'}`;
      checks = { store: reason, queues: reason };
    }
    const healthy = checks.store === 'ok' && checks.queues === 'ok';
    const health = config?.health;
    const detail =
      health?.openDetail ||
      (health?.key !== undefined && sameSecret(request.headers.get(HEALTH_KEY_HEADER), health.key));
    if (!detail) {
      return {
        status: healthy ? 200 : 503,
        headers: { 'cache-control': 'no-store' },
        jsonBody: { status: healthy ? 'ok' : 'unavailable' },
      };
    }
    return {
      status: healthy ? 200 : 503,
      headers: { 'cache-control': 'no-store' },
      jsonBody: { status: healthy ? 'healthy' : 'unhealthy', checks },
    };
  },
};
