package uk.customerhub.infra.axon;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.IdentifierMissingException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;
import uk.customerhub.api.Channel;
import uk.customerhub.api.ContactNarrative;
import uk.customerhub.api.ContactType;
import uk.customerhub.api.Direction;
import uk.customerhub.api.Outcome;
import uk.customerhub.api.RecordContact;
import uk.customerhub.api.RecordedBy;
import uk.customerhub.api.Visibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The record a command is for, found as Axon's annotation resolver finds it. */
class RecordTargetResolverTest {
    private final RecordTargetResolver resolver = new RecordTargetResolver();
    private final AnnotationCommandTargetResolver axons = AnnotationCommandTargetResolver.builder().build();

    record Versioned(@TargetAggregateIdentifier String customerId, @TargetAggregateVersion Long expectedVersion) {
    }

    record Unversioned(@TargetAggregateIdentifier String customerId, String note) {
    }

    record NoTarget(String customerId) {
    }

    static final class ByMethod {
        @TargetAggregateIdentifier
        String target() {
            return "by-method";
        }
    }

    @Test
    void the_target_and_version_are_those_axons_own_resolver_finds() {
        for (Object command : new Object[]{new Versioned("c-1", 7L), new Versioned("c-2", null),
                new Unversioned("c-3", "x"), new ByMethod()}) {
            VersionedAggregateIdentifier ours = resolver.resolveTarget(GenericCommandMessage.asCommandMessage(command));
            VersionedAggregateIdentifier expected = axons.resolveTarget(GenericCommandMessage.asCommandMessage(command));

            assertThat(ours.getIdentifier()).isEqualTo(expected.getIdentifier());
            assertThat(ours.getVersion()).isEqualTo(expected.getVersion());
        }
        assertThat(resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new Versioned("c-1", 7L))).getVersion())
                .isEqualTo(7L);
    }

    @Test
    void a_hub_command_resolves_to_its_customer() {
        RecordContact command = hubCommand();
        assertThat(resolver.resolveTarget(GenericCommandMessage.asCommandMessage(command)).getIdentifier())
                .isEqualTo("customer-9").isEqualTo(axons.resolveTarget(GenericCommandMessage.asCommandMessage(command)).getIdentifier());
    }

    @Test
    void a_command_without_a_target_or_with_a_null_one_is_refused() {
        assertThatThrownBy(() -> resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new NoTarget("c"))))
                .isInstanceOf(IdentifierMissingException.class);
        assertThatThrownBy(() -> resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new Unversioned(null, "x"))))
                .isInstanceOf(IdentifierMissingException.class);
    }

    private static RecordContact hubCommand() {
        return new RecordContact("customer-9", "call-1", Channel.PHONE, ContactType.ENQUIRY, Direction.INBOUND, null,
                RecordedBy.assisted("staff:sam", null), Outcome.RESOLVED_FIRST_CONTACT, Visibility.RESIDENT_VISIBLE, null,
                new ContactNarrative("Asked about bins"));
    }
}
