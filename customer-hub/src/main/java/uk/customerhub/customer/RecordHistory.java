package uk.customerhub.customer;

import java.time.Instant;
import java.util.List;

/**
 * The events of a customer's record as stored, oldest first, each with the time the hub recorded it. A move reads it
 * to describe the contact it moves as it was recorded (what the record's state does not keep: what was said), and
 * the destination reads the source's to take the contact in as it was moved out.
 */
public interface RecordHistory {

    /** Every event of the record of {@code customerId}, oldest first; none for a record that does not exist. */
    List<RecordedEvent> of(String customerId);

    /** One event of a record: its payload and when it was recorded. */
    record RecordedEvent(Object payload, Instant recordedAt) {
    }
}
