package uk.customerhub.infra.eventstore;

/** A test event. */
record Noted(String text) {
}
