package uk.customerhub.infra.axon;

import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.customerhub.catalogue.ServiceCatalogue;
import uk.customerhub.channels.open311.Open311Properties;
import uk.customerhub.clocks.WorkingDayCalendar;
import uk.customerhub.identity.KeyedHash;
import uk.customerhub.infra.clocks.StatutoryClockProperties;
import uk.customerhub.projections.customerview.CustomerViewProjection;
import uk.customerhub.projections.customerview.CustomerViewQueries;
import uk.customerhub.projections.customerview.CustomerViewReset;
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
