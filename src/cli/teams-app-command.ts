/**
 * `hearth teams-app`: builds the Teams app package (manifest.json, color.png, outline.png) that an
 * admin uploads in the Teams admin centre. The manifest's words and shape live in
 * infra/teams-app/manifest.template.json, the command list in infra/teams-app/commands.json, and
 * both icons are drawn from the one infra/teams-app/icon.svg. Needs no settings: everything
 * council-specific comes from the command's options.
 */
/* eslint-disable no-console -- a terminal program: printing is its job */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { createCanvas, Image } from '@napi-rs/canvas';
import JSZip from 'jszip';
import { z } from 'zod/v4';

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

/** Placeholders a council should replace before publishing; the command warns while they remain. */
const PLACEHOLDER_URL = 'https://www.gov.uk/find-local-council';

export interface TeamsAppOptions {
  botId: string;
  /** The manifest's own id; the bot id unless the council already has one. */
  appId?: string;
  name: string;
  version: string;
  developerName: string;
  websiteUrl: string;
  privacyUrl: string;
  termsUrl: string;
  /** Hosts Teams may open from the app (the Function App, the case system). */
  domains: string[];
}

const guid = z.string().regex(/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i, 'must be a GUID');
const https = z.url({ protocol: /^https$/, error: 'must be an https URL' });
const optionsSchema = z.object({
  botId: guid,
  appId: guid.optional(),
  name: z.string().trim().min(1, 'must not be empty').max(30, 'must be at most 30 characters'),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be like 1.0.0 (raise it for every new upload)'),
  developerName: z.string().trim().min(1).max(32, 'must be at most 32 characters'),
  websiteUrl: https,
  privacyUrl: https,
  termsUrl: https,
  domains: z
    .array(
      z
        .string()
        .regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/i, 'must be a host name like hearth.example.gov.uk'),
    )
    .max(100),
});

export class TeamsAppError extends Error {
  override name = 'TeamsAppError';
}

/** infra/teams-app, found from here whether running from src/ (tests) or dist/src/ (the CLI). */
export function teamsAppSourceDir(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'infra', 'teams-app');
    if (existsSync(join(candidate, 'manifest.template.json'))) return candidate;
    if (dirname(dir) === dir) throw new TeamsAppError('infra/teams-app was not found beside Hearth');
  }
}

interface CommandEntry {
  title: string;
  description: string;
  ready: boolean;
}

function fill(value: unknown, values: Record<string, string>): unknown {
  if (typeof value === 'string') {
    return value.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
      const found = values[key];
      if (found === undefined) throw new TeamsAppError(`the template names {{${key}}}, which has no value`);
      return found;
    });
  }
  if (Array.isArray(value)) return value.map((v) => fill(v, values));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, values)]));
  }
  return value;
}

/** The manifest for these options: the template filled in, with the commands that are ready. */
export function buildManifest(
  options: TeamsAppOptions,
  sourceDir = teamsAppSourceDir(),
): Record<string, unknown> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new TeamsAppError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  const o = parsed.data;
  const template: unknown = JSON.parse(readFileSync(join(sourceDir, 'manifest.template.json'), 'utf8'));
  const manifest = fill(template, {
    version: o.version,
    appId: (o.appId ?? o.botId).toLowerCase(),
    botId: o.botId.toLowerCase(),
    developerName: o.developerName,
    websiteUrl: o.websiteUrl,
    privacyUrl: o.privacyUrl,
    termsUrl: o.termsUrl,
    shortName: o.name,
    fullName: o.name === 'Hearth' ? 'Hearth for children’s social care' : `${o.name} (Hearth)`,
  }) as Record<string, unknown> & { bots: { commandLists: { commands: unknown[] }[] }[] };
  const { commands } = JSON.parse(readFileSync(join(sourceDir, 'commands.json'), 'utf8')) as {
    commands: CommandEntry[];
  };
  const list = manifest.bots[0]?.commandLists[0];
  if (!list) throw new TeamsAppError('the template has no bot command list to fill');
  list.commands = commands.filter((c) => c.ready).map(({ title, description }) => ({ title, description }));
  manifest.validDomains = [...new Set(o.domains.map((d) => d.toLowerCase()))];
  return manifest;
}

async function render(svg: string, size: number): Promise<Buffer> {
  const image = new Image();
  const loaded = new Promise<void>((done, fail) => {
    image.onload = () => done();
    image.onerror = () => fail(new TeamsAppError('the icon SVG could not be drawn'));
  });
  image.src = Buffer.from(svg, 'utf8');
  await loaded;
  const canvas = createCanvas(size, size);
  canvas.getContext('2d').drawImage(image, 0, 0, size, size);
  return canvas.toBuffer('image/png');
}

/**
 * Both icons from the one SVG: the colour icon is the whole picture; the outline icon drops the
 * element with id="background" and crops to the glyph (data-outline-viewbox), leaving the white
 * glyph on transparency as Teams asks.
 */
export async function drawIcons(svg: string): Promise<{ color: Buffer; outline: Buffer }> {
  const crop = /data-outline-viewbox="([^"]+)"/.exec(svg)?.[1];
  if (!crop || !/<[a-z]+ id="background"[^>]*\/>/.test(svg)) {
    throw new TeamsAppError('icon.svg needs an element with id="background" and a data-outline-viewbox');
  }
  const outlineSvg = svg
    .replace(/<[a-z]+ id="background"[^>]*\/>/, '')
    .replace(/viewBox="[^"]*"/, `viewBox="${crop}"`);
  const [color, outline] = await Promise.all([
    render(svg, COLOR_ICON_SIZE),
    render(outlineSvg, OUTLINE_ICON_SIZE),
  ]);
  return { color, outline };
}

/** The zip Teams takes: the three files at its root. */
export async function buildTeamsAppPackage(
  options: TeamsAppOptions,
  sourceDir = teamsAppSourceDir(),
): Promise<{ zip: Buffer; manifest: Record<string, unknown> }> {
  const manifest = buildManifest(options, sourceDir);
  const icons = await drawIcons(readFileSync(join(sourceDir, 'icon.svg'), 'utf8'));
  const zip = new JSZip();
  // A fixed date keeps the package byte-for-byte the same for the same options.
  const date = new Date('2026-01-01T00:00:00Z');
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date });
  zip.file('color.png', icons.color, { date });
  zip.file('outline.png', icons.outline, { date });
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { zip: bytes, manifest };
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerTeamsAppCommand(program: Command): void {
  program
    .command('teams-app')
    .description(
      'Build the Teams app package (a zip) to upload in the Teams admin centre. Needs no settings.',
    )
    .requiredOption(
      '--bot-id <guid>',
      "the bot's Microsoft app id (the BOT_APP_ID output of the deployment)",
      guidArgument,
    )
    .option('--app-id <guid>', "the app's own id in the manifest (default: the bot id)", guidArgument)
    .option('--name <name>', 'the name people see in Teams (at most 30 characters)', 'Hearth')
    .option('--app-version <x.y.z>', 'the package version; raise it for every new upload', '1.0.0')
    .option('--developer <name>', 'who publishes it: your council', 'Your council')
    .option('--website-url <url>', "your council's page about Hearth", PLACEHOLDER_URL)
    .option('--privacy-url <url>', "your council's privacy notice for Hearth", PLACEHOLDER_URL)
    .option('--terms-url <url>', "your council's terms of use", PLACEHOLDER_URL)
    .option('--domain <host>', 'a host Teams may open from the app; repeat for more', collect, [])
    .option('--out <file>', 'where to write the zip', 'hearth-teams-app.zip')
    .action(
      async (opts: {
        botId: string;
        appId?: string;
        name: string;
        appVersion: string;
        developer: string;
        websiteUrl: string;
        privacyUrl: string;
        termsUrl: string;
        domain: string[];
        out: string;
      }) => {
        const { zip, manifest } = await buildTeamsAppPackage({
          botId: opts.botId,
          ...(opts.appId ? { appId: opts.appId } : {}),
          name: opts.name,
          version: opts.appVersion,
          developerName: opts.developer,
          websiteUrl: opts.websiteUrl,
          privacyUrl: opts.privacyUrl,
          termsUrl: opts.termsUrl,
          domains: opts.domain,
        });
        const out = resolve(opts.out);
        writeFileSync(out, zip);
        console.log(
          `Wrote ${out}: manifest ${String(manifest.manifestVersion)}, app id ${String(manifest.id)}.`,
        );
        const placeholders = (['websiteUrl', 'privacyUrl', 'termsUrl'] as const).filter(
          (k) => opts[k] === PLACEHOLDER_URL,
        );
        if (placeholders.length > 0 || opts.developer === 'Your council') {
          console.error(
            'Before publishing, give your council as --developer and its pages as --website-url, --privacy-url and --terms-url.',
          );
        }
      },
    );
}

function guidArgument(value: string): string {
  if (!guid.safeParse(value).success)
    throw new InvalidArgumentError('must be a GUID like 11111111-2222-3333-4444-555555555555');
  return value;
}
