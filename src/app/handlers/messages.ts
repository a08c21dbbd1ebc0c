/**
 * POST /api/messages: the bot's endpoint. Bot Framework authentication is checked by the adapter
 * (with the configured identity); only local mode runs without it.
 */
import type { TurnContext } from 'botbuilder';
import { shimRequest, shimResponse } from '../../teams/functions-shim';
import type { HttpFunction } from '../function-types';
import type { ServicesProvider } from '../root';

export function messagesFunction(services: ServicesProvider): HttpFunction {
  return {
    kind: 'http',
    name: 'messages',
    route: 'messages',
    methods: ['POST'],
    async handler(request, context) {
      const bot = (await services()).bot();
      let req;
      try {
        req = await shimRequest(request);
      } catch {
        return { status: 400, jsonBody: { error: 'The body must be a Bot Framework activity in JSON.' } };
      }
      const res = shimResponse();
      try {
        // The adapter's express-like types are structural; ours provide what it uses.
        const process = bot.adapter.process.bind(bot.adapter) as (
          req: unknown,
          res: unknown,
          logic: (turn: TurnContext) => Promise<void>,
        ) => Promise<void>;
        await process(req, res, (turn) => bot.app.run(turn).then(() => undefined));
      } catch (error) {
        context.error('messages: turn failed', {
          error: error instanceof Error ? error.message : String(error),
        });
        if (res.toResponse().status === 200) res.status(500);
      }
      return res.toResponse();
    },
  };
}
