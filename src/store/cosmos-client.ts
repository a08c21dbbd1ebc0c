/**
 * Builds the @azure/cosmos client. In Azure it uses the managed identity (or a key when one is
 * configured); locally it talks to the embedded server over TLS, trusting that server's certificate
 * in this client's own agent only, never process-wide.
 */
import { Agent } from 'node:https';
import { CosmosClient } from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';

export interface CosmosConnection {
  endpoint: string;
  key?: string | undefined;
  /** PEM of a certificate to trust for this client only (the local server's self-signed one). */
  trustCertificate?: string | undefined;
}

export interface CosmosHandle {
  client: CosmosClient;
  /** Closes the client and its connections. */
  close(): void;
}

export function createCosmosClient(connection: CosmosConnection): CosmosHandle {
  const local = connection.trustCertificate !== undefined;
  const agent = local ? new Agent({ ca: connection.trustCertificate, keepAlive: true }) : undefined;
  const client = new CosmosClient({
    endpoint: connection.endpoint,
    ...(connection.key ? { key: connection.key } : { aadCredentials: new DefaultAzureCredential() }),
    ...(agent ? { agent } : {}),
    connectionPolicy: {
      // The local server has one region and does not describe others.
      enableEndpointDiscovery: !local,
      requestTimeout: 10_000,
    },
  });
  return {
    client,
    close() {
      client.dispose();
      agent?.destroy();
    },
  };
}
