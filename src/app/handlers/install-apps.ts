/**
 * Timer, hourly (UTC): installs Hearth in Teams for people in the feed it cannot reach yet, through
 * Microsoft Graph with the managed identity. Off unless HEARTH_TEAMS_INSTALL is true; the other way
 * is a Teams app setup policy, which needs no timer at all.
 */
import { installApps } from '../../services/install-apps';
import type { TimerFunction } from '../function-types';
import type { ServicesProvider } from '../root';

export function installAppsFunction(services: ServicesProvider): TimerFunction {
  return {
    kind: 'timer',
    name: 'install-apps',
    schedule: '0 10 * * * *',
    async handler(_timer, context) {
      const s = await services();
      const install = s.config.teamsInstall;
      const installer = s.graphInstaller();
      if (!install || !installer) return;
      const bot = s.config.bot ?? { appId: 'local-bot', tenantId: 'local-tenant' };
      const report = await installApps({
        store: s.store,
        installer,
        now: s.now(),
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
}
