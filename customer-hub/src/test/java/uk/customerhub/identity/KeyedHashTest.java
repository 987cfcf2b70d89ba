package uk.customerhub.identity;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KeyedHashTest {

    static final byte[] SECRET = "0123456789abcdef-lookup-secret".getBytes(StandardCharsets.UTF_8);

    @Test
    void the_same_value_under_the_same_secret_hashes_the_same() {
        assertThat(new KeyedHash(SECRET).of("ada@example.org")).isEqualTo(new KeyedHash(SECRET).of("ada@example.org"));
    }

    @Test
    void a_hash_is_64_hex_characters_and_does_not_hold_the_value() {
        String hash = new KeyedHash(SECRET).of("ada@example.org");
        assertThat(hash).matches("[0-9a-f]{64}").doesNotContain("ada");
    }

    @Test
    void it_is_the_hmac_sha256_of_the_value() {
        // RFC 4231, test case 1
        byte[] key = new byte[20];
        Arrays.fill(key, (byte) 0x0b);
        assertThat(new KeyedHash(key).of("Hi There"))
                .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    }

    @Test
    void other_values_or_another_secret_give_other_hashes() {
        KeyedHash hash = new KeyedHash(SECRET);
        byte[] otherSecret = SECRET.clone();
        otherSecret[0] ^= 1;

        assertThat(hash.of("ada@example.org")).isNotEqualTo(hash.of("ada@example.com"));
        assertThat(new KeyedHash(otherSecret).of("ada@example.org")).isNotEqualTo(hash.of("ada@example.org"));
    }

    @Test
    void the_secret_is_copied_so_a_later_change_to_the_callers_array_changes_nothing() {
        byte[] secret = SECRET.clone();
        KeyedHash hash = new KeyedHash(secret);
        String before = hash.of("ada@example.org");

        Arrays.fill(secret, (byte) 0);

        assertThat(hash.of("ada@example.org")).isEqualTo(before);
    }

    @Test
    void a_secret_shorter_than_16_bytes_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new KeyedHash(new byte[15]));
        assertThatIllegalArgumentException().isThrownBy(() -> new KeyedHash(null));
        assertThat(new KeyedHash(new byte[16]).of("x")).hasSize(64);
    }
}
