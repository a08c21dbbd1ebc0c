/**
 * Every Hearth function. src/functions/ registers each with Azure Functions, one file apiece, and
 * the local host serves this same list; a test checks the two agree.
 */
import type { HearthFunction } from './function-types';
import { feedFunction } from './handlers/feed';
import { healthFunction } from './handlers/health';
import { messagesFunction } from './handlers/messages';
import { outboxPoisonFunction } from './handlers/outbox-poison';
import { planDigestsFunction } from './handlers/plan-digests';
import { planMorningsFunction } from './handlers/plan-mornings';
import { sendOutboxFunction } from './handlers/send-outbox';
import { surveyAssetsFunction, surveyStartFunction, surveyStepFunction } from './handlers/survey';

export const allFunctions: readonly HearthFunction[] = [
  healthFunction,
  feedFunction,
  messagesFunction,
  planMorningsFunction,
  planDigestsFunction,
  sendOutboxFunction,
  outboxPoisonFunction,
  surveyStartFunction,
  surveyStepFunction,
  surveyAssetsFunction,
];
