/**
 * Settings only the local host reads (`npm start`): ports, the data folder, demo data and the
 * Agents Playground. Parsed from the environment record src/config.ts hands over.
 */
import { z } from 'zod/v4';
import { ConfigError } from './config-error';

/** The Agents Playground's built-in users, who are among the demo staff. */
export const PLAYGROUND_USER_KEYS = ['alex', 'megan', 'adele', 'isaiah', 'patti', 'lynne'] as const;
export type PlaygroundUserKey = (typeof PLAYGROUND_USER_KEYS)[number];

const localSchema = z.object({
  HEARTH_PORT: z.coerce.number().int().min(0).max(65535).default(7071),
  HEARTH_DATA_DIR: z.string().min(1).default('.hearth'),
  HEARTH_SEED_DEMO: z.enum(['true', 'false'], { error: 'must be true or false' }).default('true'),
  HEARTH_PLAYGROUND: z.enum(['true', 'false'], { error: 'must be true or false' }).default('true'),
  HEARTH_PLAYGROUND_PORT: z.coerce.number().int().min(0).max(65535).default(56150),
  HEARTH_PLAYGROUND_USER: z
    .enum(PLAYGROUND_USER_KEYS, { error: `must be one of ${PLAYGROUND_USER_KEYS.join(', ')}` })
    .default('alex'),
});

export interface LocalSettings {
  port: number;
  dataDir: string;
  seedDemo: boolean;
  /** Start the Microsoft 365 Agents Playground against the local bot. */
  playground: { enabled: boolean; port: number; user: PlaygroundUserKey };
  /** Settings for the app itself, in local mode. */
  env: Record<string, string | undefined>;
}

/** Parses the local host's settings; the app's own settings ride along in `env`, in local mode. */
export function parseLocalSettings(env: Record<string, string | undefined>): LocalSettings {
  const parsed = localSchema.safeParse(env);
  if (!parsed.success)
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  return {
    port: parsed.data.HEARTH_PORT,
    dataDir: parsed.data.HEARTH_DATA_DIR,
    seedDemo: parsed.data.HEARTH_SEED_DEMO === 'true',
    playground: {
      enabled: parsed.data.HEARTH_PLAYGROUND === 'true',
      port: parsed.data.HEARTH_PLAYGROUND_PORT,
      user: parsed.data.HEARTH_PLAYGROUND_USER,
    },
    env: { ...env, HEARTH_MODE: 'local' },
  };
}
