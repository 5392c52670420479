package org.civicassist.assistant.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/** A bearer token (or an events ticket) presented with a request, before it is checked. */
public final class StaffTokenAuthentication extends AbstractAuthenticationToken {

    /** What the token was presented as: a login token in the header, or an events ticket in the query. */
    public enum Kind { BEARER, EVENTS_TICKET }

    private final String token;
    private final Kind kind;

    public StaffTokenAuthentication(String token, Kind kind) {
        super(AuthorityUtils.NO_AUTHORITIES);
        this.token = token;
        this.kind = kind;
        setAuthenticated(false);
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return null;
    }
}
