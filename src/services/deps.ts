/**
 * What use cases may ask for. Each use case takes only the parts it needs (`Pick<Deps, ...>`); the
 * composition root (src/app/root.ts) builds them once and passes them in.
 */
import type { Config } from '../config';
import type { WorkingCalendar } from '../domain/calendar';
import type { DigestSettings } from '../domain/digest';
import type { PlannerSettings } from '../domain/planner';
import type { DeliveryOptions, BotSender } from '../delivery/deliver';
import type { Queues } from '../delivery/queues';
import type { RateLimiter } from '../delivery/rate-limiter';
import type { Store } from '../store/store';

export interface Deps {
  config: Config;
  store: Store;
  queues: Queues;
  /** The authority's working days (region and holiday changes from config). */
  calendar: WorkingCalendar;
  planner: PlannerSettings;
  digest: DigestSettings;
  /** Proactive sends to Teams. */
  sender: BotSender;
  /** The send rate every instance shares (Teams allows about 50 a second per tenant). */
  limiter: RateLimiter;
  deliveryOptions: DeliveryOptions;
  /** The one clock; use cases pass "now" into the pure core. */
  now: () => Date;
}
