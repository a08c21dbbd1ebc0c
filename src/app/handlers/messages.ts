/**
 * POST /api/messages: the bot's endpoint. Checked in this order, each answer saying nothing more:
 * - the body must be a JSON object with an activity `type` (else 400);
 * - Bot Framework authentication, by the adapter with the configured identity (only local mode
 *   runs without it): any token it does not accept, however it fails (unsigned, the wrong
 *   algorithm or signature, not valid yet, expired, for another bot), is 401 with no body;
 * - the organisation: another tenant, or none, is 403 and nothing is done (bot.ts `handle`).
 */
import type { TurnContext } from 'botbuilder';
import { z } from 'zod/v4';
import { shimRequest, shimResponse } from '../../teams/functions-shim';
import type { ShimRequest } from '../../teams/functions-shim';
import type { HttpFunction } from '../function-types';
import type { ServicesProvider } from '../root';

/** Just enough to know it is an activity; the adapter and the bot read the rest. */
const activityShape = z.looseObject({ type: z.string().min(1).max(64) });

const badBody = {
  status: 400,
  jsonBody: { error: 'The body must be a Bot Framework activity in JSON, with a type.' },
};

export function messagesFunction(services: ServicesProvider): HttpFunction {
  return {
    kind: 'http',
    name: 'messages',
    route: 'messages',
    methods: ['POST'],
    async handler(request, context) {
      const bot = (await services()).bot();
      let req: ShimRequest;
      try {
        req = await shimRequest(request);
      } catch {
        return badBody;
      }
      if (!activityShape.safeParse(req.body).success) return badBody;
      const res = shimResponse();
      const turn = { started: false, handled: true };
      try {
        // The adapter's express-like types are structural; ours provide what it uses.
        const process = bot.adapter.process.bind(bot.adapter) as (
          req: unknown,
          res: unknown,
          logic: (turn: TurnContext) => Promise<void>,
        ) => Promise<void>;
        await process(req, res, async (turnContext) => {
          turn.started = true;
          turn.handled = await bot.handle(turnContext);
        });
      } catch (error) {
        context.error('messages: turn failed', { error: error instanceof Error ? error.name : 'unknown' });
        if (turn.started && res.toResponse().status === 200) res.status(500);
      }
      // The adapter reaches our logic only once the request is authenticated.
      if (!turn.started) return { status: 401 };
      if (!turn.handled) return { status: 403 };
      return res.toResponse();
    },
  };
}
