package uk.customerhub.infra.axon;

import org.axonframework.serialization.Serializer;

/**
 * Test-side access for the benchmark ({@code uk.customerhub.infra.benchmark}) to the very serializers the application
 * configures in {@link StoredMessageSerializers}, so a benchmark built without Spring stores the same JSON.
 * Not used by any test or by the application.
 */
public final class BenchmarkSerializers {
    private static final StoredMessageSerializers SERIALIZERS = new StoredMessageSerializers();

    private BenchmarkSerializers() {
    }

    /** The general (and token) serializer. */
    public static Serializer general() {
        return SERIALIZERS.serializer();
    }

    public static Serializer events() {
        return SERIALIZERS.eventSerializer();
    }

    public static Serializer snapshots() {
        return SERIALIZERS.snapshotSerializer();
    }

    public static Serializer messages() {
        return SERIALIZERS.messageSerializer();
    }
}
