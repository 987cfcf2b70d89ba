package uk.customerhub.api;

import java.util.List;

/**
 * The records that may be the same person as the one searched for, the most likely first (at most
 * {@value #MAX_CANDIDATES}), each with a score from 0 to 100 and the reasons for it.
 */
public record CandidateMatches(List<Candidate> candidates) {
    public static final int MAX_CANDIDATES = 20;

    public CandidateMatches {
        candidates = List.copyOf(candidates);
    }

    /** One possible match: who, where, how likely (0-100) and why. */
    public record Candidate(String customerId, Name name, String postcode, int score, List<String> reasons) {
        public Candidate {
            reasons = List.copyOf(reasons);
        }
    }
}
