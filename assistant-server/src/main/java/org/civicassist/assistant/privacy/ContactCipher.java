package org.civicassist.assistant.privacy;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * AES-GCM for contacts at rest: a random 96-bit nonce per value, a 128-bit tag, and the conversation id as
 * associated data (a value copied to another conversation's key does not decrypt). Stored as
 * {@code v1:base64(nonce | ciphertext | tag)}. The key (16, 24 or 32 bytes, base64) comes from
 * {@code assistant.privacy.contact-key}; none is ever generated.
 */
public final class ContactCipher {

    static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    private ContactCipher(SecretKey key) {
        this.key = key;
    }

    /** @throws IllegalArgumentException when the key is not base64 of 16, 24 or 32 bytes (the message names no byte of it) */
    public static ContactCipher fromBase64(String base64Key) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("assistant.privacy.contact-key is not valid base64");
        }
        if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
            throw new IllegalArgumentException("assistant.privacy.contact-key must be 16, 24 or 32 bytes (base64), not "
                    + raw.length);
        }
        return new ContactCipher(new SecretKeySpec(raw, "AES"));
    }

    public String encrypt(String conversationId, String contact) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(conversationId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(contact.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** @throws IllegalArgumentException when the value was not sealed with this key for this conversation */
    public String decrypt(String conversationId, String stored) {
        if (!stored.startsWith(VERSION)) {
            throw new IllegalArgumentException("not an encrypted contact");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(VERSION.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            c.updateAAD(conversationId.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the contact does not decrypt with the configured key");
        }
    }
}
