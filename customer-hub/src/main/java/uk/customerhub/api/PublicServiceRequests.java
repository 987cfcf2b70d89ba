package uk.customerhub.api;

import java.util.List;

/** Service requests as the public may see them, newest first. */
public record PublicServiceRequests(List<PublicServiceRequest> requests) {
    public PublicServiceRequests {
        requests = List.copyOf(requests);
    }
}
