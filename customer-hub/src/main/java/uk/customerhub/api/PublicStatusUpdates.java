package uk.customerhub.api;

import java.util.List;

/** Status updates of service requests as the public may see them, oldest first. */
public record PublicStatusUpdates(List<PublicStatusUpdate> updates) {
    public PublicStatusUpdates {
        updates = List.copyOf(updates);
    }
}
