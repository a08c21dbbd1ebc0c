/**
 * Makes sure people in the feed can be reached: for each person Hearth knows but has no Teams chat
 * with yet, installs the Hearth app for them through Microsoft Graph (when the council has turned
 * this on; otherwise admins pre-install it with a Teams app setup policy). Teams then tells the bot,
 * which keeps the chat and says hello. If the app was already there, the chat is fetched from Graph
 * and kept, so morning cards can start at once. A refusal (the council's Teams policies do not let
 * Hearth install itself for someone) is reported once in the activity log, by id.
 */
import { randomUUID } from 'node:crypto';
import { describeError } from '../domain/isolate';
import type { Person } from '../domain/types';
import type { Store } from '../store/store';
import type { Skipped } from './skipped-records';
import { reportSkipped } from './skipped-records';

/** What Graph said to one install. The adapter in src/teams/graph-install.ts turns HTTP into these. */
export type InstallAnswer =
  | { kind: 'installed' }
  | { kind: 'already-installed'; chatId: string | undefined }
  | { kind: 'not-permitted' }
  | { kind: 'user-not-found' }
  /** Still throttled, or Graph unwell, after the adapter's own retries: try again next run. */
  | { kind: 'try-later'; reason: string };

export interface AppInstaller {
  install(entraObjectId: string): Promise<InstallAnswer>;
}

export interface InstallAppsDeps {
  store: Store;
  installer: AppInstaller;
  now: Date;
  /** For a conversation reference built from a Graph chat id. */
  bot: { appId: string; tenantId: string };
  /** The Teams service address for proactive sends (the global one unless a chat has told us better). */
  teamsServiceUrl: string;
  /** At most this many installs a run, so one run stays well inside Graph's limits. */
  maxPerRun?: number;
}

export interface InstallReport {
  installed: string[];
  alreadyInstalled: string[];
  notPermitted: string[];
  userNotFound: string[];
  /** Left for the next run (Graph throttled us or was unwell, or the run's limit was reached). */
  deferred: string[];
}

const HOUR_MS = 60 * 60 * 1000;
/** After asking Graph to install, wait this long for Teams to tell the bot before asking again. */
const WAIT_AFTER_REQUEST_MS = 24 * HOUR_MS;
/** After a refusal, ask again this often (a Teams admin may have changed the policy), silently. */
const RETRY_REFUSED_MS = 7 * 24 * HOUR_MS;

function due(person: Person, now: Date): boolean {
  if (person.reachability !== 'not-installed' || !person.entraObjectId) return false;
  const last = person.teamsInstall;
  if (!last) return true;
  const age = now.getTime() - Date.parse(last.at);
  if (last.state === 'requested') return age >= WAIT_AFTER_REQUEST_MS;
  return age >= RETRY_REFUSED_MS;
}

/** A reference like the one Teams gives the bot, built from what Graph says about the chat. */
export function referenceForChat(deps: InstallAppsDeps, chatId: string, entraObjectId: string) {
  return {
    channelId: 'msteams',
    serviceUrl: deps.teamsServiceUrl,
    conversation: { id: chatId, conversationType: 'personal', tenantId: deps.bot.tenantId },
    bot: { id: `28:${deps.bot.appId}` },
    user: { aadObjectId: entraObjectId },
  };
}

async function record(deps: InstallAppsDeps, person: Person, answer: InstallAnswer): Promise<void> {
  const at = deps.now.toISOString();
  const reported = person.teamsInstall?.state === answer.kind;
  await deps.store.people.update(person.id, person.teamId, (p) => {
    if (p.reachability !== 'not-installed') return undefined; // the bot heard from them meanwhile
    if (answer.kind === 'already-installed' && answer.chatId && p.entraObjectId) {
      const { teamsInstall: _done, ...rest } = p;
      return {
        ...rest,
        reachability: 'reachable',
        conversationReference: referenceForChat(deps, answer.chatId, p.entraObjectId),
      };
    }
    const state =
      answer.kind === 'installed' || answer.kind === 'already-installed' ? 'requested' : answer.kind;
    if (state === 'try-later') return undefined;
    return { ...p, teamsInstall: { state, at } };
  });
  if ((answer.kind === 'not-permitted' || answer.kind === 'user-not-found') && !reported) {
    await deps.store.activity.upsert({
      id: randomUUID(),
      teamId: person.teamId,
      at,
      actor: 'teams-install',
      action: `teams.install.${answer.kind}`,
      details: { personId: person.id, entraObjectId: person.entraObjectId ?? 'none' },
    });
  }
}

export async function installApps(deps: InstallAppsDeps): Promise<InstallReport> {
  const report: InstallReport = {
    installed: [],
    alreadyInstalled: [],
    notPermitted: [],
    userNotFound: [],
    deferred: [],
  };
  const people = (await deps.store.people.query("c.reachability = 'not-installed'")).filter((p) =>
    due(p, deps.now),
  );
  const limit = deps.maxPerRun ?? 200;
  const skipped: Skipped[] = [];
  let stopped = false;
  for (const [index, person] of people.entries()) {
    if (stopped || index >= limit) {
      report.deferred.push(person.id);
      continue;
    }
    let answer: InstallAnswer;
    try {
      answer = await deps.installer.install(person.entraObjectId as string);
      await record(deps, person, answer);
    } catch (error) {
      // One person's failure (a record Graph or the store cannot take) leaves everyone else's install.
      report.deferred.push(person.id);
      skipped.push({ personId: person.id, problem: describeError(error) });
      continue;
    }
    if (answer.kind === 'installed') report.installed.push(person.id);
    else if (answer.kind === 'already-installed') report.alreadyInstalled.push(person.id);
    else if (answer.kind === 'not-permitted') report.notPermitted.push(person.id);
    else if (answer.kind === 'user-not-found') report.userNotFound.push(person.id);
    else {
      // Throttled past the adapter's patience: everyone else waits for the next run too.
      report.deferred.push(person.id);
      stopped = true;
    }
  }
  const teamOf = new Map(people.map((p) => [p.id, p.teamId]));
  await reportSkipped(deps.store, 'teams-install', skipped, (id) => teamOf.get(id), deps.now);
  if (people.length > 0) {
    await deps.store.activity.upsert({
      id: randomUUID(),
      teamId: 'system',
      at: deps.now.toISOString(),
      actor: 'teams-install',
      action: 'teams.install.ran',
      details: {
        installed: report.installed.length,
        alreadyInstalled: report.alreadyInstalled.length,
        notPermitted: report.notPermitted.length,
        userNotFound: report.userNotFound.length,
        deferred: report.deferred.length,
      },
    });
  }
  return report;
}
