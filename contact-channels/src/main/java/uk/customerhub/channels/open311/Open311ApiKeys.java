package uk.customerhub.channels.open311;

import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells an Open311 client by its API key. Keys are configured as their SHA-256 only ({@link Open311Properties}); a
 * presented key is hashed and compared with every configured hash in constant time (no early return), so neither the
 * configuration nor the timing gives a key away. No clients configured: every key is refused.
 */
@Component
public class Open311ApiKeys {
    private final List<Configured> clients;

    public Open311ApiKeys(Open311Properties properties) {
        this.clients = properties.clients().stream()
                .map(client -> new Configured(client.clientId(), HexFormat.of().parseHex(requireHash(client))))
                .toList();
    }

    /** The client holding {@code apiKey}, or empty. */
    public Optional<String> clientFor(String apiKey) {
        if (apiKey == null || apiKey.isEmpty() || apiKey.length() > 512) {
            return Optional.empty();
        }
        byte[] presented = sha256(apiKey);
        String found = null;
        for (Configured client : clients) {
            if (MessageDigest.isEqual(presented, client.keySha256()) && found == null) {
                found = client.clientId();
            }
        }
        return Optional.ofNullable(found);
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String requireHash(Open311Properties.Client client) {
        if (client.clientId() == null || client.clientId().isBlank()) {
            throw new IllegalStateException("hub.open311.clients: every client needs a client-id");
        }
        String hash = client.keySha256() == null ? "" : client.keySha256().strip().toLowerCase(Locale.ROOT);
        if (!hash.matches("[0-9a-f]{64}")) {
            throw new IllegalStateException("hub.open311.clients: client " + client.clientId()
                    + " needs key-sha256, the SHA-256 of its API key as 64 hex digits");
        }
        return hash;
    }

    private record Configured(String clientId, byte[] keySha256) {
    }
}
