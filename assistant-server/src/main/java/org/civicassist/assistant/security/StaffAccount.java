package org.civicassist.assistant.security;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A staff member's account. The password is kept only as a BCrypt hash.
 *
 * @param username    the login name: 3-32 of {@code a-z 0-9 . _ -}, also used in store keys
 * @param displayName the name citizens see next to the staff member's messages
 */
public record StaffAccount(String username, String displayName, String passwordHash, Set<Role> roles,
                           Instant createdAt, boolean enabled) {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");

    public StaffAccount {
        Objects.requireNonNull(username);
        Objects.requireNonNull(displayName);
        Objects.requireNonNull(passwordHash);
        Objects.requireNonNull(createdAt);
        if (!isValidUsername(username)) {
            throw new IllegalArgumentException("invalid username");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("an account needs a role");
        }
        roles = Set.copyOf(EnumSet.copyOf(roles));
    }

    public static boolean isValidUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
