package org.civicassist.assistant.conversation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Conversation ids and tokens. A token is 256 random bits shown to the citizen once; only its SHA-256 is stored, and
 * it is compared in constant time.
 */
public final class ConversationTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern ID_FORM = Pattern.compile("[0-9a-f]{32}");

    private ConversationTokens() {
    }

    public static String newId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Whether the text has the form of an id this class makes; anything else cannot name a conversation. */
    public static boolean isWellFormedId(String id) {
        return id != null && ID_FORM.matcher(id).matches();
    }

    public static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean matches(String token, String expectedHash) {
        if (token == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII),
                expectedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
