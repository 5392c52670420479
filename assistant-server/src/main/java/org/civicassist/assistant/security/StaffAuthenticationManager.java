package org.civicassist.assistant.security;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import reactor.core.publisher.Mono;

import java.util.List;

/** Checks a presented token against the sessions: unknown, expired or used-up tokens are refused. */
public final class StaffAuthenticationManager implements ReactiveAuthenticationManager {

    private final StaffSessions sessions;

    public StaffAuthenticationManager(StaffSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof StaffTokenAuthentication presented)) {
            return Mono.empty();
        }
        String token = (String) presented.getCredentials();
        Mono<StaffSessions.Session> session = token.isEmpty() || token.length() > 200 ? Mono.empty()
                : presented.kind() == StaffTokenAuthentication.Kind.BEARER ? sessions.resolve(token)
                : sessions.redeemEventsTicket(token);
        return session
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("unknown or expired staff token")))
                .map(s -> {
                    List<SimpleGrantedAuthority> authorities = s.roles().stream()
                            .map(r -> new SimpleGrantedAuthority(r.authority())).toList();
                    return UsernamePasswordAuthenticationToken.authenticated(s.principal(), token, authorities);
                });
    }
}
