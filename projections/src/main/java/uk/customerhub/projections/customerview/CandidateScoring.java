package uk.customerhub.projections.customerview;

import uk.customerhub.api.CandidateMatches;
import uk.customerhub.api.CandidateMatches.Candidate;
import uk.customerhub.api.CustomerProfile;
import uk.customerhub.api.FindCandidateCustomers;
import uk.customerhub.api.Identity;
import uk.customerhub.api.IdentityKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds and scores the records that may be the same person as the one searched for. Candidates are gathered from
 * lookup documents only: the e-mail and phone identities, and the profile keys surname + postcode, surname + date
 * of birth and postcode + date of birth, as far as the search gives their parts. Each candidate is then scored
 * against its profile: e-mail {@value #EMAIL}, phone {@value #PHONE}, date of birth {@value #DATE_OF_BIRTH},
 * family name {@value #FAMILY_NAME} (exact, ignoring case), given name {@value #GIVEN_NAME} (exact, or an initial
 * on either side), postcode {@value #POSTCODE}; capped at 100. A record merged into another is offered as the
 * survivor (scored on the retired record's details, with a reason saying so); each customer is offered once, at its
 * best score.
 */
final class CandidateScoring {
    static final int EMAIL = 40;
    static final int PHONE = 35;
    static final int DATE_OF_BIRTH = 25;
    static final int FAMILY_NAME = 15;
    static final int GIVEN_NAME = 10;
    static final int POSTCODE = 15;

    private CandidateScoring() {
    }

    static CandidateMatches matches(FindCandidateCustomers query, String organisation, LookupKeys keys,
                                    CustomerViewStore store, Predicate<StoredCustomerView> mayMatch) {
        String emailKey = query.email() == null ? null
                : keys.identity(organisation, new Identity(IdentityKind.EMAIL, query.email()));
        String phoneKey = query.phone() == null ? null
                : keys.identity(organisation, new Identity(IdentityKind.PHONE, query.phone()));
        Set<String> lookupKeys = new LinkedHashSet<>();
        if (emailKey != null) {
            lookupKeys.add(emailKey);
        }
        if (phoneKey != null) {
            lookupKeys.add(phoneKey);
        }
        if (query.familyName() != null && query.postcode() != null) {
            lookupKeys.add(keys.surnameAndPostcode(organisation, query.familyName(), query.postcode()));
        }
        if (query.familyName() != null && query.dateOfBirth() != null) {
            lookupKeys.add(keys.surnameAndDateOfBirth(organisation, query.familyName(), query.dateOfBirth()));
        }
        if (query.postcode() != null && query.dateOfBirth() != null) {
            lookupKeys.add(keys.postcodeAndDateOfBirth(organisation, query.postcode(), query.dateOfBirth()));
        }
        Map<String, List<String>> found = store.lookups(lookupKeys);
        List<String> sameEmail = emailKey == null ? List.of() : found.getOrDefault(emailKey, List.of());
        List<String> samePhone = phoneKey == null ? List.of() : found.getOrDefault(phoneKey, List.of());
        Set<String> customerIds = new LinkedHashSet<>();
        found.values().forEach(customerIds::addAll);

        List<StoredCustomerView> views = store.views(customerIds);
        Map<String, StoredCustomerView> survivors = survivorsOf(views, store);
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (StoredCustomerView view : views) {
            if (mayMatch.test(view)) {
                Candidate candidate = score(query, view, sameEmail, samePhone);
                StoredCustomerView survivor = view.mergedInto() == null ? null : survivors.get(view.mergedInto());
                if (survivor != null) {
                    candidate = asSurvivor(candidate, view.customerId(), survivor);
                }
                candidates.merge(candidate.customerId(), candidate,
                        (one, other) -> one.score() >= other.score() ? one : other);
            }
        }
        return new CandidateMatches(candidates.values().stream()
                .sorted(Comparator.comparingInt(Candidate::score).reversed().thenComparing(Candidate::customerId))
                .limit(CandidateMatches.MAX_CANDIDATES)
                .toList());
    }

    private static Candidate score(FindCandidateCustomers query, StoredCustomerView view,
                                   List<String> sameEmail, List<String> samePhone) {
        CustomerProfile profile = view.profile();
        String postcode = profile.address() == null ? null : profile.address().postcode();
        Map<String, Integer> reasons = new LinkedHashMap<>();
        if (sameEmail.contains(view.customerId())) {
            reasons.put(shared("same e-mail", sameEmail.size()), EMAIL);
        }
        if (samePhone.contains(view.customerId())) {
            reasons.put(shared("same phone", samePhone.size()), PHONE);
        }
        if (query.dateOfBirth() != null && query.dateOfBirth().equals(profile.dateOfBirth())) {
            reasons.put("same date of birth", DATE_OF_BIRTH);
        }
        if (query.familyName() != null && query.familyName().equalsIgnoreCase(profile.name().familyName())) {
            reasons.put("same family name", FAMILY_NAME);
        }
        String givenName = profile.name().givenName();
        if (query.givenName() != null && givenName != null) {
            if (query.givenName().equalsIgnoreCase(givenName)) {
                reasons.put("same given name", GIVEN_NAME);
            } else if (sameInitial(query.givenName(), givenName)) {
                reasons.put("given name matches an initial", GIVEN_NAME);
            }
        }
        if (query.postcode() != null && query.postcode().equals(postcode)) {
            reasons.put("same postcode", POSTCODE);
        }
        int score = Math.min(100, reasons.values().stream().mapToInt(Integer::intValue).sum());
        return new Candidate(view.customerId(), profile.name(), postcode, score, List.copyOf(reasons.keySet()));
    }

    private static String shared(String reason, int holders) {
        return holders > 1 ? reason + " (shared by " + holders + " customers)" : reason;
    }

    /** "J" or "J." against "John", either way round. */
    private static boolean sameInitial(String searched, String held) {
        String a = searched.replace(".", "").trim().toLowerCase(Locale.ROOT);
        String b = held.replace(".", "").trim().toLowerCase(Locale.ROOT);
        if (a.isEmpty() || b.isEmpty() || (a.length() > 1 && b.length() > 1)) {
            return false;
        }
        return a.charAt(0) == b.charAt(0);
    }

    /** The records that the retired records among {@code views} were merged into, by id (one {@code $in}). */
    private static Map<String, StoredCustomerView> survivorsOf(List<StoredCustomerView> views, CustomerViewStore store) {
        Set<String> ids = new LinkedHashSet<>();
        views.stream().map(StoredCustomerView::mergedInto).filter(id -> id != null).forEach(ids::add);
        Map<String, StoredCustomerView> survivors = new LinkedHashMap<>();
        store.views(ids).forEach(view -> survivors.put(view.customerId(), view));
        return survivors;
    }

    /** A retired record's match offered as the record it was merged into, saying so among the reasons. */
    private static Candidate asSurvivor(Candidate retired, String retiredId, StoredCustomerView survivor) {
        CustomerProfile profile = survivor.profile();
        List<String> reasons = new ArrayList<>(retired.reasons());
        reasons.add("found on record " + retiredId + ", merged into this one");
        return new Candidate(survivor.customerId(), profile.name(),
                profile.address() == null ? null : profile.address().postcode(), retired.score(), List.copyOf(reasons));
    }
}
