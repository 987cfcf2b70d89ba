package uk.customerhub.api;

/**
 * One unattributed contact, open or not, as staff see it. Given {@code awaitPosition}, waits (for a bounded time)
 * until the view has reached that position of the contact's record. Answers an empty result when there is no such
 * contact or the viewer may not see it.
 */
public record FetchUnattributedContact(String contactId, Viewer viewer, Long awaitPosition) {
    public FetchUnattributedContact {
        Require.id("contactId", contactId);
        Require.present("viewer", viewer);
    }
}
