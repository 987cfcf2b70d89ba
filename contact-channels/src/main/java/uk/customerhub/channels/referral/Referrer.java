package uk.customerhub.channels.referral;

/** Who at the partner organisation made a referral, and how to reach them. */
public record Referrer(String name, String role, String phone, String email) {
}
