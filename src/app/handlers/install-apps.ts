/**
 * Timer, hourly (UTC): installs Hearth in Teams for people in the feed it cannot reach yet, through
 * Microsoft Graph with the managed identity. Off unless HEARTH_TEAMS_INSTALL is true; the other way
 * is a Teams app setup policy, which needs no timer at all.
 */
import { installApps } from '../../services/install-apps';
import { createGraphInstaller, graphToken } from '../../teams/graph-install';
import { botCredential } from '../../teams/connector-sender';
import type { TimerFunction } from '../function-types';
import { services } from '../services';

export const installAppsFunction: TimerFunction = {
  kind: 'timer',
  name: 'install-apps',
  schedule: '0 10 * * * *',
  async handler(_timer, context) {
    const { store, config, now } = await services();
    const install = config.teamsInstall;
    if (!install) return;
    const bot = config.bot ?? { appId: 'local-bot', tenantId: 'local-tenant' };
    // Locally (tests, npm start) Graph is a stand-in that needs no real token.
    const getToken =
      config.mode === 'local' || !config.bot
        ? () => Promise.resolve('local')
        : graphToken(botCredential(config.bot));
    const installer = createGraphInstaller({
      graphUrl: install.graphUrl,
      catalogAppId: install.catalogAppId,
      getToken,
    });
    const report = await installApps({
      store,
      installer,
      now: now(),
      bot: { appId: bot.appId, tenantId: bot.tenantId },
      teamsServiceUrl: install.serviceUrl,
    });
    context.log('install-apps: done', {
      installed: report.installed.length,
      alreadyInstalled: report.alreadyInstalled.length,
      notPermitted: report.notPermitted,
      userNotFound: report.userNotFound,
      deferred: report.deferred.length,
    });
  },
};
