package uk.customerhub.identity;

import java.util.Optional;

/**
 * Keys that belong to exactly one owner across the whole hub (a Digital ID subject, a social handle, a contact id),
 * claimed synchronously so two concurrent first claims agree on one winner. Implementations store only a keyed hash
 * of the key, never the key itself.
 */
public interface UniqueKeys {

    /**
     * Claims {@code key} in {@code namespace} for {@code owner}, unless someone holds it already.
     *
     * @return the owner that holds the key after this call: {@code owner} when this claim won or was already made
     */
    String claim(String namespace, String key, String owner);

    /** The owner of {@code key} in {@code namespace}, if it has been claimed. */
    Optional<String> ownerOf(String namespace, String key);

    /**
     * Hands {@code key} in {@code namespace} from {@code fromOwner} to {@code toOwner} (a contact moved to another
     * record takes its keys along). Asking again after it was handed over changes nothing.
     *
     * @return the owner that holds the key after this call: {@code toOwner} when it was handed over (now or before)
     */
    default String transfer(String namespace, String key, String fromOwner, String toOwner) {
        throw new UnsupportedOperationException("these unique keys cannot be handed over");
    }
}
