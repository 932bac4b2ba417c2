import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../runtime/config.js';

describe('configuration from the environment', () => {
  it('defaults to the embedded services', () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toBeUndefined();
    expect(c.temporal).toMatchObject({ address: 'localhost:7233', namespace: 'default', embedded: true, tls: false });
    expect(c.port).toBe(3000);
  });

  it('uses an external Temporal with TLS when an API key is given', () => {
    const c = loadConfig({ TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233', TEMPORAL_NAMESPACE: 'ns.acct', TEMPORAL_API_KEY: 'k' });
    expect(c.temporal).toMatchObject({ embedded: false, tls: true, apiKey: 'k', namespace: 'ns.acct' });
  });

  it("reads Microsoft 365's app registration, tenant, sign-in host and Graph URL once, with Microsoft's cloud by default", () => {
    expect(loadConfig({}).mail.microsoft).toEqual({ clientId: undefined, clientSecret: undefined, tenant: 'organizations', authorityHost: 'https://login.microsoftonline.com', graphUrl: 'https://graph.microsoft.com' });
    const c = loadConfig({ MICROSOFT_CLIENT_ID: 'app', MICROSOFT_CLIENT_SECRET: 's', MICROSOFT_TENANT_ID: 'contoso.onmicrosoft.com', MICROSOFT_AUTHORITY_HOST: 'https://login.microsoftonline.us/', MICROSOFT_GRAPH_URL: 'https://graph.microsoft.us/' });
    expect(c.mail.microsoft).toEqual({ clientId: 'app', clientSecret: 's', tenant: 'contoso.onmicrosoft.com', authorityHost: 'https://login.microsoftonline.us', graphUrl: 'https://graph.microsoft.us' });
    expect(() => loadConfig({ MICROSOFT_TENANT_ID: 'a/b' })).toThrow(/MICROSOFT_TENANT_ID/);
    expect(() => loadConfig({ MICROSOFT_GRAPH_URL: 'graph' })).toThrow(/MICROSOFT_GRAPH_URL/);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ TEMPORAL_TLS_CERT_PATH: '/a.pem' })).toThrow(/TEMPORAL_TLS_KEY_PATH/);
    expect(() => loadConfig({ DNS_SERVERS: '10.0.0.2, dns.example' })).toThrow(/DNS_SERVERS/);
  });

  it('reads the DNS servers of the sending-domain check, the system\'s by default', () => {
    expect(loadConfig({}).dnsServers).toEqual([]);
    expect(loadConfig({ DNS_SERVERS: '10.0.0.2, 127.0.0.1:5353,[::1]:53' }).dnsServers).toEqual(['10.0.0.2', '127.0.0.1:5353', '[::1]:53']);
  });
});
