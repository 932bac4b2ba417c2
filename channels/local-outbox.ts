// Default email provider with no mail configured: nothing leaves the machine; the touch row
// the cadence engine writes (subject, body, recipient) is the record of what would have gone out.
import type { ChannelProvider, ChannelRegistry } from './types.js';

export const localOutboxProvider: ChannelProvider = {
  id: 'local-outbox',
  async send() {
    return { status: 'sent', provider: 'local-outbox' };
  },
};

export const defaultChannels = (): ChannelRegistry => ({ email: localOutboxProvider });
