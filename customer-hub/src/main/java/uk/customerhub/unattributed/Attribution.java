package uk.customerhub.unattributed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides whom an inbound contact belongs to from the customers each of its sender's identities matched. E-mail
 * addresses and phone numbers are evidence, not proof (households share them): a contact is attributed only when
 * the identities point to exactly one customer — the one customer every identity that matched anyone agrees on.
 * Otherwise it is unattributed, with every customer matched as a candidate (none when nothing matched).
 *
 * @param customerId  the customer the contact belongs to, when there is exactly one
 * @param candidates  otherwise the customers matched, sorted (empty when nothing matched)
 */
public record Attribution(Optional<String> customerId, List<String> candidates) {

    /** @param matchesPerIdentity for each identity of the sender, the customers holding it */
    public static Attribution decide(Collection<? extends Collection<String>> matchesPerIdentity) {
        Set<String> all = new TreeSet<>();
        Set<String> agreed = null;
        for (Collection<String> matches : matchesPerIdentity) {
            if (matches.isEmpty()) {
                continue;
            }
            all.addAll(matches);
            if (agreed == null) {
                agreed = new TreeSet<>(matches);
            } else {
                agreed.retainAll(matches);
            }
        }
        if (agreed != null && agreed.size() == 1) {
            return new Attribution(Optional.of(agreed.iterator().next()), List.of());
        }
        return new Attribution(Optional.empty(), new ArrayList<>(all));
    }

    public static Attribution to(String customerId) {
        return new Attribution(Optional.of(customerId), List.of());
    }

    public boolean attributed() {
        return customerId.isPresent();
    }
}
