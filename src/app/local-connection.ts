/**
 * While `npm start` runs, it leaves a note of where its embedded services listen, so that
 * `hearth <command> --local` can reach the same store. Removed again on a clean stop.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod/v4';

const connectionSchema = z.object({
  cosmosEndpoint: z.string(),
  certificate: z.string().optional(),
  queueConnection: z.string(),
  url: z.string(),
});
export type LocalConnection = z.infer<typeof connectionSchema>;

const fileIn = (dataDir: string) => join(dataDir, 'local-connection.json');

export function writeLocalConnection(dataDir: string, connection: LocalConnection): void {
  writeFileSync(fileIn(dataDir), JSON.stringify(connection, null, 2), { mode: 0o600 });
}

export function removeLocalConnection(dataDir: string): void {
  rmSync(fileIn(dataDir), { force: true });
}

export function readLocalConnection(dataDir: string): LocalConnection {
  let text: string;
  try {
    text = readFileSync(fileIn(dataDir), 'utf8');
  } catch {
    throw new Error(`Hearth is not running locally (no ${fileIn(dataDir)}). Start it with npm start first.`);
  }
  return connectionSchema.parse(JSON.parse(text));
}
