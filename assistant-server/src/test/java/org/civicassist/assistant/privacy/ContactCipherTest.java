package org.civicassist.assistant.privacy;

import org.civicassist.assistant.testing.ContactKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactCipherTest {

    private final ContactCipher cipher = ContactCipher.fromBase64(ContactKeys.random());

    @Test
    void a_contact_is_sealed_with_a_fresh_nonce_and_opens_for_its_conversation_only() {
        String first = cipher.encrypt("c1", "13800000000");
        String second = cipher.encrypt("c1", "13800000000");

        assertThat(first).startsWith("v1:").doesNotContain("13800000000").isNotEqualTo(second);
        assertThat(cipher.decrypt("c1", first)).isEqualTo("13800000000");
        assertThatThrownBy(() -> cipher.decrypt("c2", first)).as("copied to another conversation")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_tampered_value_or_another_key_does_not_decrypt() {
        String sealed = cipher.encrypt("c1", "li@example.com");
        char last = sealed.charAt(sealed.length() - 2);
        String tampered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A')
                + sealed.charAt(sealed.length() - 1);

        assertThatThrownBy(() -> cipher.decrypt("c1", tampered)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContactCipher.fromBase64(ContactKeys.random()).decrypt("c1", sealed))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_key_that_is_not_base64_of_16_24_or_32_bytes_is_refused_without_echoing_it() {
        assertThatThrownBy(() -> ContactCipher.fromBase64("secret-not-base64!"))
                .hasMessageContaining("base64").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> ContactCipher.fromBase64("AAAA")).hasMessageContaining("16, 24 or 32 bytes");
    }
}
