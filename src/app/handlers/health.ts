/**
 * GET /api/health: whether the store and the queues answer. 200 when both do; 503 naming the part
 * that did not, so whoever is on call knows where to look.
 */
import { checkHealth } from '../../services/check-health';
import type { HttpFunction } from '../function-types';
import type { ServicesProvider } from '../root';

export function healthFunction(services: ServicesProvider): HttpFunction {
  return {
    kind: 'http',
    name: 'health',
    route: 'health',
    methods: ['GET'],
    async handler() {
      let checks: { store: string; queues: string };
      try {
        checks = await checkHealth(await services());
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
}
