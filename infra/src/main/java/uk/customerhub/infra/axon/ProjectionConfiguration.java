package uk.customerhub.infra.axon;

import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.customerhub.catalogue.ServiceCatalogue;
import uk.customerhub.channels.open311.Open311Properties;
import uk.customerhub.clocks.WorkingDayCalendar;
import uk.customerhub.identity.KeyedHash;
import uk.customerhub.projections.customerview.CustomerViewBatches;
import uk.customerhub.projections.customerview.CustomerViewProjection;
import uk.customerhub.projections.customerview.CustomerViewQueries;
import uk.customerhub.projections.customerview.CustomerViewReset;
import uk.customerhub.projections.customerview.ViewAsOf;
import uk.customerhub.infra.clocks.StatutoryClockProperties;
import uk.customerhub.projections.open311.PublicRequestsProjection;
import uk.customerhub.projections.open311.PublicRequestsQueries;
import uk.customerhub.projections.unattributed.AttachedContactRecorder;
import uk.customerhub.projections.unattributed.UnattributedContactProjection;
import uk.customerhub.projections.unattributed.UnattributedContactQueries;

import java.time.Duration;
import java.util.Set;

/**
 * The read side: the single view of the customer, built by a tracking processor ("customer-view", see
 * application.yml) and answered by its query handlers; the queues of unattributed contacts ("unattributed-contacts")
 * and the process that records attached ones on the customer's record ("unattributed-attachments"). The projection
 * classes carry no Spring; they are made beans here, where Axon finds their handlers.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

    @Bean
    CustomerViewProjection customerViewProjection(MongoDatabase database, KeyedHash keyedHash) {
        return new CustomerViewProjection(database, keyedHash);
    }

    /**
     * The single view's processor writes each batch of events together, before it stores its token
     * ({@link CustomerViewBatches}); and its dead-letter queue is asked whether a customer's events are parked only
     * when that can be so: Axon's sequence identifier cache, per segment, knows the queue was empty when the segment was
     * claimed and which customers this node parked since (ADR 0002).
     */
    @Bean
    ConfigurerModule customerViewBatches(MongoDatabase database) {
        String group = CustomerViewProjection.PROCESSING_GROUP;
        return configurer -> configurer.eventProcessing()
                .registerHandlerInterceptor(group, configuration -> new CustomerViewBatches(database))
                .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                        (configuration, invoker) -> invoker.enableSequenceIdentifierCache());
    }

    /** Empties the single view when a replay of its processor starts. */
    @Bean
    CustomerViewReset customerViewReset(MongoDatabase database) {
        return new CustomerViewReset(database);
    }

    @Bean
    CustomerViewQueries customerViewQueries(MongoDatabase database, KeyedHash keyedHash,
                                            @Value("${hub.views.await-timeout:5s}") Duration awaitTimeout) {
        return new CustomerViewQueries(database, keyedHash, awaitTimeout);
    }

    /** The single view as of an instant, folded in memory from the event store by the projection's own code. */
    @Bean
    ViewAsOf viewAsOf(EventStore eventStore, KeyedHash keyedHash) {
        return new ViewAsOf(eventStore, keyedHash);
    }

    /** The staff queues of unattributed contacts ("unattributed-contacts" processor) and their queries. */
    @Bean
    UnattributedContactProjection unattributedContactProjection(MongoDatabase database) {
        return new UnattributedContactProjection(database);
    }

    @Bean
    UnattributedContactQueries unattributedContactQueries(MongoDatabase database,
                                                          @Value("${hub.views.await-timeout:5s}") Duration awaitTimeout) {
        return new UnattributedContactQueries(database, awaitTimeout);
    }

    /** The process that records an attached contact on the customer's record ("unattributed-attachments" processor). */
    @Bean
    AttachedContactRecorder attachedContactRecorder(CommandGateway commandGateway) {
        return new AttachedContactRecorder(commandGateway);
    }

    /** The public requests index Open311 is answered from ("open311-requests" processor), and its queries. */
    @Bean
    PublicRequestsProjection publicRequestsProjection(MongoDatabase database, ServiceCatalogue catalogue,
                                                      StatutoryClockProperties clocks, Open311Properties open311) {
        WorkingDayCalendar calendar = clocks.bankHolidays().isEmpty()
                ? WorkingDayCalendar.englandAndWales() : new WorkingDayCalendar(clocks.bankHolidays());
        return new PublicRequestsProjection(database, catalogue, calendar, Set.copyOf(open311.unpublishedServices()));
    }

    @Bean
    PublicRequestsQueries publicRequestsQueries(MongoDatabase database) {
        return new PublicRequestsQueries(database);
    }
}
