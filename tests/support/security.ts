// The process's secret key and allow-list as every entry reads them (runtime/secret-key.ts), read
// once per test process: the development key unless RELANCE_SECRET_KEY is set, the operator's
// WEBHOOK_ALLOWED_HOSTS (none in a test run). The API, the worker and the channels of a test share them.
import { processSecurity } from '../../runtime/secret-key.js';
import { parseAllowList } from '../../security/ssrf.js';

export const testSecurity = processSecurity();

/** The tests' own servers (SMTP, webhook and action receivers) listen on loopback, as an operator's private relay would. */
export const LOOPBACK_ALLOWED = parseAllowList('127.0.0.1/32');
