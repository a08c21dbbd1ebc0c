/**
 * What the bot, delivery and end-to-end tests share: Hearth on the local host with the demo
 * authority, its clock fixed at a given moment; posting activities to its /api/messages; and the
 * Agents Playground with headless Chromium in front of it (found by ./browser.ts).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { LocalHearth } from '../../src/local/local-hearth';
import { startLocalHearth } from '../../src/local/local-hearth';
import type { Playground, PlaygroundUser } from '../../src/local/playground';
import { startPlayground } from '../../src/local/playground';
import { launchChromium } from './browser';

/** Monday 30 November 2026, 09:00 in London: the demo data is dated around it. */
export const DEMO_MONDAY = new Date('2026-11-30T09:00:00Z');

export function startDemoHearth(now: Date = DEMO_MONDAY): Promise<LocalHearth> {
  return startLocalHearth({
    env: {},
    port: 0,
    seedDemo: true,
    log: (level, name, ...args) => {
      if (process.env.HEARTH_TEST_LOG && (level === 'error' || level === 'warn'))
        console.error(name, ...args);
    },
    now: () => now,
    queueRetrySeconds: 1,
  });
}

/** Posts an activity to the bot as the Bot Connector would; the reply body parsed when there is one. */
export async function postActivity(hearth: LocalHearth, body: Record<string, unknown>) {
  const response = await fetch(`${hearth.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

export interface PlaygroundSession {
  hearth: LocalHearth;
  playground: Playground;
  browser: Browser;
  page: Page;
  stop(): Promise<void>;
}

/** Demo Hearth, the Playground chatting as `currentUser`, and a headless chromium page on it. */
export async function startPlaygroundSession(currentUser?: PlaygroundUser): Promise<PlaygroundSession> {
  const hearth = await startDemoHearth();
  let playground: Playground | undefined;
  try {
    playground = await startPlayground({
      botEndpoint: `${hearth.url}/api/messages`,
      port: 0,
      workDir: mkdtempSync(join(tmpdir(), 'hearth-playground-')),
      ...(currentUser ? { currentUser } : {}),
    });
    return await openBrowser(hearth, playground);
  } catch (error) {
    await playground?.stop();
    await hearth.stop();
    throw error;
  }
}

async function openBrowser(hearth: LocalHearth, playground: Playground): Promise<PlaygroundSession> {
  const browser = await launchChromium();
  // Wide enough that the Playground's log panel sits beside the chat, not over it.
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  return {
    hearth,
    playground,
    browser,
    page,
    async stop() {
      await browser.close();
      await playground.stop();
      await hearth.stop();
    },
  };
}
