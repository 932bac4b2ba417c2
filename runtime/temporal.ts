// Connection settings shared by the client (API) and the worker: plain, mTLS or API key
// (Temporal Cloud), from one place so both sides always agree.
import { readFileSync } from 'node:fs';
import { Client, Connection, type TLSConfig } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { Config } from './config.js';

function tlsConfig(t: Config['temporal']): TLSConfig | boolean {
  if (!t.tls) return false;
  const tls: TLSConfig = {};
  if (t.tlsServerName) tls.serverNameOverride = t.tlsServerName;
  if (t.tlsCaPath) tls.serverRootCACertificate = readFileSync(t.tlsCaPath);
  if (t.tlsCertPath && t.tlsKeyPath) {
    tls.clientCertPair = { crt: readFileSync(t.tlsCertPath), key: readFileSync(t.tlsKeyPath) };
  }
  return Object.keys(tls).length ? tls : true;
}

function connectionOptions(t: Config['temporal']) {
  return {
    address: t.address,
    tls: tlsConfig(t),
    ...(t.apiKey ? { apiKey: t.apiKey } : {}),
  };
}

/** A client whose connection is opened on first use: the API starts even while Temporal is down. */
export function createTemporalClient(t: Config['temporal']): Client {
  const connection = Connection.lazy(connectionOptions(t));
  return new Client({ connection, namespace: t.namespace });
}

export function connectWorkerConnection(t: Config['temporal']): Promise<NativeConnection> {
  return NativeConnection.connect(connectionOptions(t));
}
