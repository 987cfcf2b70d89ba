package uk.customerhub.identity;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link UniqueKeys} in memory, for tests: the first claim of a key wins, as the unique index does in MongoDB. */
public class InMemoryUniqueKeys implements UniqueKeys {
    private final Map<String, String> owners = new ConcurrentHashMap<>();

    @Override
    public String claim(String namespace, String key, String owner) {
        String earlier = owners.putIfAbsent(idOf(namespace, key), owner);
        return earlier == null ? owner : earlier;
    }

    @Override
    public Optional<String> ownerOf(String namespace, String key) {
        return Optional.ofNullable(owners.get(idOf(namespace, key)));
    }

    @Override
    public String transfer(String namespace, String key, String fromOwner, String toOwner) {
        String id = idOf(namespace, key);
        owners.replace(id, fromOwner, toOwner);
        return owners.get(id);
    }

    /** How many keys have been claimed, in every namespace. */
    public int size() {
        return owners.size();
    }

    private static String idOf(String namespace, String key) {
        return namespace + "|" + key;
    }
}
