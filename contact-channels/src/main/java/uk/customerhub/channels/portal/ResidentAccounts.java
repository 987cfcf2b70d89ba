package uk.customerhub.channels.portal;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import uk.customerhub.api.Channel;
import uk.customerhub.api.ConflictingRequestException;
import uk.customerhub.api.CustomerCategory;
import uk.customerhub.api.CustomerProfile;
import uk.customerhub.api.FindSurvivingRecord;
import uk.customerhub.api.Identity;
import uk.customerhub.api.IdentityKind;
import uk.customerhub.api.Name;
import uk.customerhub.api.RegisterCustomer;
import uk.customerhub.api.SurvivingRecord;
import uk.customerhub.channels.web.Caller;
import uk.customerhub.channels.web.Provenances;
import uk.customerhub.customer.KeyNamespaces;
import uk.customerhub.identity.UniqueKeys;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A resident's record is the one linked to their Digital ID subject. The link is claimed synchronously through a
 * unique key, so two parallel first calls of a new resident agree on one record; the first call registers it
 * (self-service sign-up; the profile may be completed later).
 */
@Component
public class ResidentAccounts {
    private static final String DIGITAL_ID = KeyNamespaces.identity(IdentityKind.DIGITAL_ID);

    private final UniqueKeys uniqueKeys;
    private final CommandGateway commands;
    private final QueryGateway queries;

    public ResidentAccounts(UniqueKeys uniqueKeys, CommandGateway commands, QueryGateway queries) {
        this.uniqueKeys = uniqueKeys;
        this.commands = commands;
        this.queries = queries;
    }

    /** Runs {@code action} on the caller's own record, signing them up first if this is their first call. */
    public <T> T onOwnRecord(Caller caller, Function<String, T> action) {
        String customerId = uniqueKeys.ownerOf(DIGITAL_ID, caller.subject()).orElse(null);
        if (customerId == null) {
            String proposed = UUID.randomUUID().toString();
            customerId = uniqueKeys.claim(DIGITAL_ID, caller.subject(), proposed);
            if (customerId.equals(proposed)) {
                signUp(caller, customerId);
            }
        }
        customerId = survivorOf(customerId);
        try {
            return action.apply(customerId);
        } catch (AggregateNotFoundException e) {
            // the call that claimed the record has not stored its registration (yet, or it failed): register now
            signUp(caller, customerId);
            return action.apply(customerId);
        }
    }

    /**
     * The record the resident's own record was merged into, if it was: their Digital ID stays claimed by the record it
     * was first linked to, and while that record is merged the resident lands on the survivor (and on their own record
     * again once unmerged).
     */
    private String survivorOf(String customerId) {
        return queries.query(new FindSurvivingRecord(customerId), SurvivingRecord.class).join().customerId();
    }

    private void signUp(Caller caller, String customerId) {
        RegisterCustomer registration = new RegisterCustomer(customerId, CustomerCategory.RESIDENT,
                new CustomerProfile(new Name(caller.givenName(), caller.familyName()), null, null, null),
                List.of(new Identity(IdentityKind.DIGITAL_ID, caller.subject())));
        try {
            commands.sendAndWait(registration, Provenances.of(caller, customerId, Channel.WEB, null, null));
        } catch (ConflictingRequestException alreadyRegistered) {
            // registered by an earlier call whose token carried other name claims: the record exists, which is all we need
        }
    }
}
