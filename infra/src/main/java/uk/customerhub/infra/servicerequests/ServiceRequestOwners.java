package uk.customerhub.infra.servicerequests;

import org.axonframework.queryhandling.QueryHandler;
import uk.customerhub.api.FetchServiceRequestOwner;
import uk.customerhub.api.ServiceRequestOwner;
import uk.customerhub.customer.KeyNamespaces;
import uk.customerhub.identity.UniqueKeys;

import java.util.Optional;

/**
 * Answers whose record a service request is on from the unique key the record claimed when the request was raised
 * ({@code service-request} namespace, owner {@code customerId|contactId}): a lookup by {@code _id}, consistent as soon
 * as the request is stored, with no projection to wait for.
 */
public class ServiceRequestOwners {
    private final UniqueKeys uniqueKeys;

    public ServiceRequestOwners(UniqueKeys uniqueKeys) {
        this.uniqueKeys = uniqueKeys;
    }

    @QueryHandler
    public Optional<ServiceRequestOwner> handle(FetchServiceRequestOwner query) {
        return uniqueKeys.ownerOf(KeyNamespaces.SERVICE_REQUEST, query.serviceRequestId())
                .map(owner -> owner.split("\\|", 2))
                .filter(parts -> parts.length == 2)
                .map(parts -> new ServiceRequestOwner(parts[0], parts[1]));
    }
}
