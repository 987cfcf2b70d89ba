package uk.customerhub.channels.referral;

import uk.customerhub.api.Outcome;
import uk.customerhub.api.Specialism;
import uk.customerhub.api.Visibility;

import java.time.Instant;

/**
 * A referral from a named partner organisation (an ambulance service's falls protocol, fire and rescue, a GP
 * practice …): its {@code referralId} (the natural key; or send an {@code Idempotency-Key} header), the
 * {@code partner}, the {@code referrer}, the {@code reason}, and the person referred — by the hub's
 * {@code customerId} when the partner knows it, else by their details ({@code person}). {@code visibility} defaults
 * to staff only; a safeguarding referral may be RESTRICTED to a {@code specialism}.
 */
public record PartnerReferral(String referralId, String partner, Referrer referrer, String reason, String customerId,
                              ReferredPerson person, Instant referredAt, Visibility visibility, Specialism specialism,
                              Outcome outcome) {
}
