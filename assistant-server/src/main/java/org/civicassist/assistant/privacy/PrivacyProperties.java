package org.civicassist.assistant.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code assistant.privacy.*}.
 *
 * @param contactKey the AES key (16, 24 or 32 bytes, base64; e.g. {@code openssl rand -base64 32}) that encrypts
 *                   contacts stored in Redis, from the environment ({@code ASSISTANT_PRIVACY_CONTACT_KEY}), never
 *                   from the repository. Required when Redis is used: the server refuses to start without it rather
 *                   than store contacts in clear or generate a key that a restart or another instance would not
 *                   know. Not used when everything is kept in memory.
 */
@ConfigurationProperties("assistant.privacy")
public record PrivacyProperties(String contactKey) {

    public boolean hasContactKey() {
        return contactKey != null && !contactKey.isBlank();
    }
}
