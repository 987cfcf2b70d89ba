package uk.customerhub.api;

/** The channel a contact arrived on (or left by, for outbound contact). */
public enum Channel {
    WEB,
    PHONE,
    IVR,
    FACE_TO_FACE,
    WEBCHAT,
    EMAIL,
    SOCIAL,
    LETTER,
    PARTNER_REFERRAL
}
