// One mapping per inbound source: its documented body schema and how it becomes effects.
import { crmMapping } from './crm.js';
import { emailMapping } from './email.js';
import { leadMapping } from './lead.js';
import { linkedinMapping } from './linkedin.js';
import { telephonyMapping } from './telephony.js';
import type { AnyInboundMapping, InboundSource } from './types.js';

export { INBOUND_SOURCES, type InboundSource } from './types.js';
export { withReceipt } from './receipts.js';

export const inboundMappings: Record<InboundSource, AnyInboundMapping> = {
  email: emailMapping,
  telephony: telephonyMapping,
  linkedin: linkedinMapping,
  crm: crmMapping,
  lead: leadMapping,
};
