/**
 * Nunjucks for the family pages, with autoescape on: every value a template prints is escaped
 * unless the template itself says otherwise, and no template does that with outside text.
 * Templates live in views/survey/; GOV.UK Frontend's macros come from node_modules.
 */
import { join } from 'node:path';
import nunjucks from 'nunjucks';
import { GOVUK_DIST, VIEWS_DIR } from './assets';

let environment: nunjucks.Environment | undefined;

function env(): nunjucks.Environment {
  environment ??= new nunjucks.Environment(
    new nunjucks.FileSystemLoader([join(VIEWS_DIR, 'survey'), GOVUK_DIST], { noCache: false }),
    { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true },
  );
  return environment;
}

export function renderView(template: string, context: object): string {
  return env().render(template, context);
}
