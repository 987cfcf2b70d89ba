package uk.customerhub.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A member of staff completes a worklist task about one of the customer's service requests, with a note of what
 * they did. Recorded on the customer's record; completing it again changes nothing.
 */
public record CompleteWorklistTask(@TargetAggregateIdentifier String customerId, String taskId, String serviceRequestId,
                                   String note) {
    public CompleteWorklistTask {
        Require.id("customerId", customerId);
        taskId = Require.text("taskId", taskId, Limits.SHORT_TEXT);
        Require.id("serviceRequestId", serviceRequestId);
        note = Require.optionalText("note", note, Limits.SUMMARY);
    }
}
