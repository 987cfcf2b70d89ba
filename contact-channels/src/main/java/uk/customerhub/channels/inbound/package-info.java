/**
 * What every machine channel (telephony, e-mail, webchat, social listening, partner referrals) shares: who the
 * calling channel system is and which channels it may submit on ({@link uk.customerhub.channels.inbound.MachineClient}),
 * contact ids derived from each message's natural key ({@link uk.customerhub.channels.inbound.NaturalKeys}), and the
 * delivery of an inbound contact to the customer it belongs to, or else to the unattributed contacts
 * ({@link uk.customerhub.channels.inbound.InboundContacts}).
 */
package uk.customerhub.channels.inbound;
