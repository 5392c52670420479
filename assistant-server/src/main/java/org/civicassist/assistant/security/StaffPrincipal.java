package org.civicassist.assistant.security;

import java.util.Set;

/** The staff member a request is made by, as the bearer token says. */
public record StaffPrincipal(String username, String displayName, Set<Role> roles) {
    public StaffPrincipal {
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }
}
