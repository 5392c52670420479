package org.civicassist.assistant.testing;

import java.security.SecureRandom;
import java.util.Base64;

/** Contact keys for tests that run with Redis: made at run time, never written into the repository. */
public final class ContactKeys {

    private ContactKeys() {
    }

    private static final String KEY = random();

    /** 32 random bytes in base64, as {@code assistant.privacy.contact-key} takes them. */
    public static String random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** One key for every server a test run starts (instances and restarts of one deployment share it). */
    public static String ofThisRun() {
        return KEY;
    }
}
