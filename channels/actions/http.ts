// STUB (to be written): hands a touch to an external service with a signed request.
import type { SecretBox } from '../../security/secrets.js';
import type { ActionProvider, ActionProviderRow } from '../types.js';

export type HttpActionOptions = { secrets: SecretBox };

export function createHttpActionProvider(_row: ActionProviderRow, _o: HttpActionOptions): ActionProvider {
  throw new Error('not implemented');
}
