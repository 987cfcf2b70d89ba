package uk.customerhub.api;

import java.util.List;

/** The customers a search found (none, one, or several for a shared household e-mail or phone). */
public record CustomerMatches(List<CustomerSummary> customers) {
}
