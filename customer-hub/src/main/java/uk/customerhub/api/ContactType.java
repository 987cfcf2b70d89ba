package uk.customerhub.api;

/** What a contact was about. */
public enum ContactType {
    ENQUIRY,
    SERVICE_REQUEST,
    CHANGE_OF_CIRCUMSTANCES,
    COMPLAINT,
    FOI_REQUEST,
    SUBJECT_ACCESS_REQUEST,
    COMPLIMENT,
    FEEDBACK,
    SOCIAL_MENTION,
    REFERRAL
}
