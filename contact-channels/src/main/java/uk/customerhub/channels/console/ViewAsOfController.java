package uk.customerhub.channels.console;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.customerhub.api.Channel;
import uk.customerhub.api.ContactType;
import uk.customerhub.api.CustomerView;
import uk.customerhub.api.FetchCustomerViewAsOf;
import uk.customerhub.api.FetchTimelinePageAsOf;
import uk.customerhub.api.TimelinePage;
import uk.customerhub.channels.web.Caller;
import uk.customerhub.channels.web.NotFoundException;

import java.time.Instant;

/**
 * What the hub knew at an instant: a customer's single view and timeline rebuilt from the events it had recorded by
 * then (the time each was recorded, not the time a contact says it happened), e.g. {@code ?asOf=2026-03-03T10:00:00Z}.
 */
@RestController
@RequestMapping("/console/customers/{customerId}/view")
@Tag(name = "Agent console")
@SecurityRequirement(name = "bearer")
public class ViewAsOfController {
    private final QueryGateway queries;

    public ViewAsOfController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "The single view of a customer as the hub knew it at an instant (asOf, ISO-8601 UTC)")
    @GetMapping
    public CustomerView view(Authentication authentication, @PathVariable String customerId,
                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        Caller caller = Caller.of(authentication);
        return queries.query(new FetchCustomerViewAsOf(customerId, asOf, caller.asViewer()),
                        ResponseTypes.optionalInstanceOf(CustomerView.class)).join()
                .orElseThrow(() -> new NotFoundException("no customer " + customerId + " at " + asOf));
    }

    @Operation(summary = "A page of a customer's timeline as the hub knew it at an instant (asOf), newest first")
    @GetMapping("/timeline")
    public TimelinePage timeline(Authentication authentication, @PathVariable String customerId,
                                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "20") int size,
                                 @RequestParam(required = false) Channel channel,
                                 @RequestParam(required = false) ContactType type) {
        Caller caller = Caller.of(authentication);
        return queries.query(new FetchTimelinePageAsOf(customerId, asOf, caller.asViewer(), page, size, channel, type),
                        ResponseTypes.optionalInstanceOf(TimelinePage.class)).join()
                .orElseThrow(() -> new NotFoundException("no customer " + customerId + " at " + asOf));
    }
}
