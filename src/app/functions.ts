/**
 * Every Hearth function, over one way of getting the services. src/functions/ registers each with
 * Azure Functions, one file apiece, and the local host serves the same list; a test checks the two
 * agree.
 */
import type { HearthFunction } from './function-types';
import { feedFunction } from './handlers/feed';
import { healthFunction } from './handlers/health';
import { messagesFunction } from './handlers/messages';
import { outboxPoisonFunction } from './handlers/outbox-poison';
import { planDigestsFunction } from './handlers/plan-digests';
import { installAppsFunction } from './handlers/install-apps';
import { planMorningsFunction } from './handlers/plan-mornings';
import { retentionFunction } from './handlers/retention';
import { sendOutboxFunction } from './handlers/send-outbox';
import { surveyFunctions } from './handlers/survey';
import type { ServicesProvider } from './root';

export function createFunctions(services: ServicesProvider): readonly HearthFunction[] {
  return [
    healthFunction(services),
    feedFunction(services),
    messagesFunction(services),
    planMorningsFunction(services),
    planDigestsFunction(services),
    sendOutboxFunction(services),
    outboxPoisonFunction(services),
    retentionFunction(services),
    installAppsFunction(services),
    ...surveyFunctions(services),
  ];
}
