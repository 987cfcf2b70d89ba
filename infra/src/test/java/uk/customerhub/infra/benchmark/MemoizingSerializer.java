package uk.customerhub.infra.benchmark;

import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * For seeding only: a serializer that serializes a few pinned objects (the template payload and metadata every seeded
 * event shares) once and reuses the result, so bulk seeding costs inserts, not JSON writing. Everything else goes to
 * the delegate unchanged.
 */
final class MemoizingSerializer implements Serializer {
    private final Serializer delegate;
    private final Map<Object, Map<Class<?>, SerializedObject<?>>> pinned = new IdentityHashMap<>();
    private long misses;

    MemoizingSerializer(Serializer delegate, Object... pinnedObjects) {
        this.delegate = delegate;
        for (Object object : pinnedObjects) {
            pinned.put(object, new IdentityHashMap<>());
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        Map<Class<?>, SerializedObject<?>> cache = pinned.get(object);
        if (cache == null) {
            misses++;
            return delegate.serialize(object, expectedRepresentation);
        }
        return (SerializedObject<T>) cache.computeIfAbsent(expectedRepresentation,
                type -> delegate.serialize(object, expectedRepresentation));
    }

    /** How many objects were serialized that were not pinned (a sanity check that seeding really reuses). */
    synchronized long misses() {
        return misses;
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        return delegate.deserialize(serializedObject);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
