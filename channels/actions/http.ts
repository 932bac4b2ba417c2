// The generic HTTP action provider: hands a LinkedIn, call or voicemail touch to an external
// automation or telephony service with a POST signed per Standard Webhooks (the same scheme as
// outbound webhooks, with the provider's own whsec_ secret), through the SSRF guard and to the
// vetted address. The service reports the result later through the signed inbound webhook at
// `resultUrl` (linkedin or telephony source), naming the action id (the touch id).
import { postPinned } from '../pinned-post.js';
import type { SecretBox } from '../../security/secrets.js';
import { UnsafeUrlError, vetUrl, type AllowList, type LookupAll } from '../../security/ssrf.js';
import { signMessage } from '../../security/webhook-signing.js';
import type { ActionProvider, ActionProviderRow, OutboundAction, SendOutcome } from '../types.js';

export type HttpActionOptions = {
  secrets: SecretBox;
  /** Private or loopback targets allowed anyway (WEBHOOK_ALLOWED_HOSTS by default). */
  allowList: AllowList;
  lookup?: LookupAll;
  timeoutMs?: number;
};

/** The JSON body the service receives. */
export function actionPayload(a: OutboundAction) {
  return {
    type: `${a.channel}.requested`,
    actionId: a.touchId,
    taskId: a.taskId,
    workspaceId: a.workspaceId,
    enrollmentId: a.enrollmentId,
    prospectId: a.prospectId,
    channel: a.channel,
    stepKey: a.stepKey,
    dueAt: a.dueAt,
    prospect: a.prospect,
    rep: a.rep,
    message: a.message,
    resultUrl: a.resultUrl,
  };
}

/** `webhook-id` of an action: the same on every attempt, so the service can deduplicate. */
export const actionMessageId = (touchId: string) => `act_${touchId}`;

function outcomeOf(statusCode: number | null, error: string | null): SendOutcome {
  // No answer (refused, reset, timed out): the request may or may not have been received. Unlike
  // an email, an action carries a stable webhook-id that receivers deduplicate on (Standard
  // Webhooks), so sending it again is safe: retry rather than leave it uncertain.
  if (statusCode === null) return { status: 'retry', detail: `no response: ${error ?? 'unknown error'}` };
  if (statusCode >= 200 && statusCode < 300) return { status: 'sent' };
  if (statusCode === 408 || statusCode === 429 || statusCode >= 500) return { status: 'retry', detail: `HTTP ${statusCode}` };
  if (statusCode >= 300 && statusCode < 400) return { status: 'failed', detail: `HTTP ${statusCode}: redirects are not followed` };
  return { status: 'failed', detail: `HTTP ${statusCode}: refused by the provider` };
}

export function createHttpActionProvider(row: ActionProviderRow, o: HttpActionOptions): ActionProvider {
  const { allowList } = o;
  const timeoutMs = o.timeoutMs ?? 10_000;
  // The row holds one sealed secret; signMessage takes the stored-secrets shape of webhooks.
  const secrets = [{ id: row.id, secret: row.secret, createdAt: row.createdAt.toISOString() }];
  return {
    id: 'http',
    async perform(action) {
      let target;
      try {
        target = await vetUrl(row.url, allowList, o.lookup);
      } catch (err) {
        if (!(err instanceof UnsafeUrlError)) throw err;
        // A name that does not resolve may be a passing DNS failure; a refused address is not.
        if (/does not resolve/.test(err.message)) return { status: 'retry', detail: err.message };
        return { status: 'failed', detail: `the provider URL may not be reached: ${err.message}` };
      }
      const body = JSON.stringify(actionPayload(action));
      const headers = { ...signMessage(o.secrets, secrets, actionMessageId(action.touchId), body), 'user-agent': 'Relance-Actions/1' };
      const res = await postPinned(target, headers, body, timeoutMs);
      return outcomeOf(res.statusCode, res.error);
    },
  };
}
