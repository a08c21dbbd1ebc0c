/**
 * `hearth teams-app` builds a package Teams will take: the manifest passes Microsoft's own JSON
 * schema (the newest shipped in @microsoft/app-manifest, checked offline), the bot lives only in
 * personal chats, and the icons are the sizes Teams asks for, the outline one white on transparency.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { main } from '../../../src/cli/main';
import { buildManifest, teamsAppSourceDir } from '../../../src/cli/teams-app-command';
import { checkLanguage } from '../../../src/text/language-check';

const BOT_ID = '11111111-2222-3333-4444-555555555555';
const schemasDir = join(
  dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build/json-schemas/teams',
);
const newestSchemaVersion = readdirSync(schemasDir)
  .filter((d) => /^v1\.\d+$/.test(d))
  .map((d) => d.slice(1))
  .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]))
  .at(-1);

let output: string;
const savedEnv = { ...process.env };
beforeEach(() => {
  output = '';
  process.exitCode = undefined;
  // No settings at all, as on an admin's laptop: the command must not need them.
  for (const key of Object.keys(process.env)) if (key.startsWith('HEARTH_')) delete process.env[key];
  jest.spyOn(console, 'log').mockImplementation((...args) => void (output += `${args.join(' ')}\n`));
  jest.spyOn(console, 'error').mockImplementation((...args) => void (output += `${args.join(' ')}\n`));
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((output += String(chunk)), true));
});
afterEach(() => {
  jest.restoreAllMocks();
  process.env = { ...savedEnv };
  process.exitCode = undefined;
});

const run = (...args: string[]) => main(['node', 'hearth', 'teams-app', ...args]);

async function buildPackage(...extra: string[]) {
  const out = join(mkdtempSync(join(tmpdir(), 'hearth-teams-app-')), 'hearth.zip');
  await run('--bot-id', BOT_ID, '--out', out, ...extra);
  expect(process.exitCode).toBeUndefined();
  const zip = await JSZip.loadAsync(readFileSync(out));
  const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Record<string, unknown> & {
    bots: {
      botId: string;
      scopes: string[];
      commandLists: { scopes: string[]; commands: { title: string }[] }[];
    }[];
  };
  return {
    files: Object.keys(zip.files).sort(),
    manifest,
    color: await zip.file('color.png')!.async('nodebuffer'),
    outline: await zip.file('outline.png')!.async('nodebuffer'),
  };
}

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const schema: unknown = JSON.parse(
    readFileSync(join(schemasDir, `v${newestSchemaVersion}`, 'MicrosoftTeams.schema.json'), 'utf8'),
  );
  return ajv.compile(schema as object);
}

/** Width, height and colour type straight from the PNG header (colour type 6 is RGBA). */
function pngHeader(png: Buffer) {
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colourType: png.readUInt8(25) };
}

async function pixels(png: Buffer) {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return ctx.getImageData(0, 0, image.width, image.height).data;
}

it('uses a current schema: the newest in @microsoft/app-manifest, 1.17 or later', () => {
  expect(Number(newestSchemaVersion?.split('.')[1])).toBeGreaterThanOrEqual(17);
  const manifest = buildManifest({
    botId: BOT_ID,
    name: 'Hearth',
    version: '1.0.0',
    developerName: 'A council',
    websiteUrl: 'https://www.example.gov.uk/',
    privacyUrl: 'https://www.example.gov.uk/privacy',
    termsUrl: 'https://www.example.gov.uk/terms',
    domains: [],
  });
  expect(manifest.manifestVersion).toBe(newestSchemaVersion);
  expect(manifest.$schema).toContain(`/v${newestSchemaVersion}/`);
});

it('builds a zip whose manifest passes the schema, with both icons', async () => {
  const built = await buildPackage('--domain', 'func-hearth.azurewebsites.net');
  expect(built.files).toEqual(['color.png', 'manifest.json', 'outline.png']);
  const validate = validator();
  const valid = validate(built.manifest);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
  expect(built.manifest).toMatchObject({
    id: BOT_ID,
    icons: { color: 'color.png', outline: 'outline.png' },
    validDomains: ['func-hearth.azurewebsites.net'],
    webApplicationInfo: { id: BOT_ID },
  });
  expect(built.manifest.bots[0]?.botId).toBe(BOT_ID);
  expect(output).toContain('Before publishing, give your council');
});

it('the schema check can fail: a manifest with a team scope and a long name is refused', () => {
  const manifest = buildManifest({
    botId: BOT_ID,
    name: 'Hearth',
    version: '1.0.0',
    developerName: 'A council',
    websiteUrl: 'https://www.example.gov.uk/',
    privacyUrl: 'https://www.example.gov.uk/privacy',
    termsUrl: 'https://www.example.gov.uk/terms',
    domains: [],
  }) as { name: { short: string }; bots: { scopes: string[] }[] };
  manifest.name.short = 'x'.repeat(31);
  manifest.bots[0]!.scopes = ['personal', 'channel'];
  const validate = validator();
  expect(validate(manifest)).toBe(false);
  expect(validate.errors?.map((e) => e.instancePath)).toEqual(
    expect.arrayContaining(['/name/short', '/bots/0/scopes/1']),
  );
});

it('lives only in personal chats, where no one else can see a child’s name', async () => {
  const { manifest } = await buildPackage();
  const bot = manifest.bots[0]!;
  expect(bot.scopes).toEqual(['personal']);
  expect(bot.commandLists.map((l) => l.scopes)).toEqual([['personal']]);
  expect(manifest.defaultInstallScope).toBe('personal');
  for (const surface of [
    'configurableTabs',
    'staticTabs',
    'composeExtensions',
    'connectors',
    'defaultGroupCapability',
  ])
    expect(manifest).not.toHaveProperty(surface);
  expect(JSON.stringify(manifest)).not.toMatch(/"(team|groupChat)"/);
});

it('lists the commands the bot answers, and only those', async () => {
  const { manifest } = await buildPackage();
  expect(manifest.bots[0]!.commandLists[0]!.commands.map((c) => c.title)).toEqual([
    'today',
    'my week',
    'digest',
    'settings',
    'pause',
    'resume',
    'help',
  ]);
});

it('draws a 192x192 colour icon, opaque, from the SVG', async () => {
  const { color } = await buildPackage();
  expect(pngHeader(color)).toEqual({ width: 192, height: 192, colourType: 6 });
  const data = await pixels(color);
  const seeThrough = data.filter((value, i) => i % 4 === 3 && value !== 255).length;
  expect(seeThrough).toBe(0);
  // The picture is there: both the background colour and the white glyph.
  const colours = new Set<string>();
  for (let i = 0; i < data.length; i += 4) colours.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
  expect(colours).toContain('180,68,28');
  expect(colours).toContain('255,255,255');
});

it('draws a 32x32 outline icon: only white or transparent pixels, and both present', async () => {
  const { outline } = await buildPackage();
  expect(pngHeader(outline)).toEqual({ width: 32, height: 32, colourType: 6 });
  const data = await pixels(outline);
  let transparent = 0;
  let white = 0;
  const others: string[] = [];
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
    if (a === 0) transparent++;
    else if (r === 255 && g === 255 && b === 255) white++;
    else others.push(`${i / 4}: ${r},${g},${b},${a}`);
  }
  expect(others).toEqual([]);
  expect(transparent).toBeGreaterThan(200);
  expect(white).toBeGreaterThan(200);
});

it('keeps every word in the package child-focused, including commands still to come', async () => {
  const { manifest } = await buildPackage();
  const strings: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') strings.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(manifest);
  walk(JSON.parse(readFileSync(join(teamsAppSourceDir(), 'commands.json'), 'utf8')));
  for (const s of strings) expect({ s, problems: checkLanguage(s) }).toEqual({ s, problems: [] });
});

it.each([
  [['--bot-id', 'not-a-guid'], /--bot-id.*must be a GUID/],
  [
    ['--bot-id', BOT_ID, '--name', 'A name far too long for Teams to show'],
    /name: must be at most 30 characters/,
  ],
  [['--bot-id', BOT_ID, '--privacy-url', 'http://insecure.example'], /privacyUrl: must be an https URL/],
  [['--bot-id', BOT_ID, '--domain', 'https://with-a-scheme.example'], /domains.0: must be a host name/],
  [['--bot-id', BOT_ID, '--app-version', '1.0'], /version: must be like 1.0.0/],
])('refuses bad options %j, saying which and exiting 2', async (args, message) => {
  await run(...args, '--out', join(tmpdir(), `hearth-never-${process.pid}.zip`));
  expect(output).toMatch(message);
  expect(process.exitCode).toBe(2);
});
