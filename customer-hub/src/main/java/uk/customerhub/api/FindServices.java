package uk.customerhub.api;

/**
 * Every service of the catalogue, in its current version, ordered by group and name (Open311 {@code GET services}).
 * Answers a {@link ServiceList}.
 */
public record FindServices() {
}
