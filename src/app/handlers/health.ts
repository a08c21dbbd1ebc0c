/**
 * GET /api/health: whether the store and the queues answer. 200 when both do; 503 naming the part
 * that did not, so whoever is on call knows where to look. In production, without the health key
 * in `x-hearth-health-key`, it says only "ok" or "unavailable": the detail is for the on-call team.
 */
import type { Config } from '../../config';
import { checkHealth } from '../../services/check-health';
import { sameSecret } from '../../util/same-secret';
import type { HttpFunction } from '../function-types';
import type { ServicesProvider } from '../root';

export const HEALTH_KEY_HEADER = 'x-hearth-health-key';

export function healthFunction(services: ServicesProvider): HttpFunction {
  return {
    kind: 'http',
    name: 'health',
    route: 'health',
    methods: ['GET'],
    async handler(request) {
      let checks: { store: string; queues: string };
      let config: Config | undefined;
      try {
        const s = await services();
        config = s.config;
        checks = await checkHealth(s);
      } catch (error) {
        const reason = `failed: ${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'}`;
        checks = { store: reason, queues: reason };
      }
      const healthy = checks.store === 'ok' && checks.queues === 'ok';
      const health = config?.health;
      const detail =
        health?.openDetail ||
        (health?.key !== undefined && sameSecret(request.headers.get(HEALTH_KEY_HEADER), health.key));
      return {
        status: healthy ? 200 : 503,
        headers: { 'cache-control': 'no-store' },
        jsonBody: detail
          ? { status: healthy ? 'healthy' : 'unhealthy', checks }
          : { status: healthy ? 'ok' : 'unavailable' },
      };
    },
  };
}
