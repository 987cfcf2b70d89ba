package uk.customerhub.projections.customerview;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.List;

/**
 * Makes the single view's processor write each batch of events together: registered as a handler interceptor of the
 * "customer-view" processor, it opens {@link PendingViewWrites} at the batch's first event (reading the views of the
 * batch's customers in one round trip) and writes them after its last event has been handled, all before the
 * processor commits the batch and stores its token. A batch that fails is rolled back and delivered again, and its
 * writes are idempotent (see {@link PendingViewWrites}), so the view after the retry is the same.
 * <p>
 * Why not at commit: the processor stores its token in the commit's first step, so writes made later in the commit
 * would be lost with a crash between the two.
 */
public final class CustomerViewBatches implements MessageHandlerInterceptor<EventMessage<?>> {
    /** The batch's unit of work holds its {@link PendingViewWrites} under this resource name. */
    static final String RESOURCE = CustomerViewBatches.class.getName() + ".pendingWrites";

    private final MongoDatabase database;

    public CustomerViewBatches(MongoDatabase database) {
        this.database = database;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork,
                         InterceptorChain interceptorChain) throws Exception {
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch)) {
            return interceptorChain.proceed();
        }
        PendingViewWrites pending = unitOfWork.root().getResource(RESOURCE);
        if (pending == null) {
            pending = new PendingViewWrites(database);
            unitOfWork.root().resources().put(RESOURCE, pending);
            pending.prefetch(customerIdsOf(batch.getMessages()));
        }
        try {
            return interceptorChain.proceed();
        } finally {
            if (batch.isLastMessage()) {
                pending.flush();
            }
        }
    }

    /** The pending writes of the batch this thread is handling, or null when it handles none. */
    static PendingViewWrites pendingWrites() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return CurrentUnitOfWork.get().root().getResource(RESOURCE);
    }

    /** The records the batch's events belong to: a customer record's id is its customer's id. */
    private static List<String> customerIdsOf(List<?> messages) {
        return messages.stream()
                .filter(DomainEventMessage.class::isInstance)
                .map(message -> ((DomainEventMessage<?>) message).getAggregateIdentifier())
                .distinct()
                .toList();
    }
}
