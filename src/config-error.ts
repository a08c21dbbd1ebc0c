/** A setting that is missing or malformed: start-up stops and names each one. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Hearth cannot start: fix these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}
