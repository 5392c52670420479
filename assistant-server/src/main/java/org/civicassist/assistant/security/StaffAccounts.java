package org.civicassist.assistant.security;

import reactor.core.publisher.Mono;

import java.util.List;

/** Where staff accounts live: in memory by default, in Redis when it is configured (shared by every instance). */
public interface StaffAccounts {

    Mono<StaffAccount> find(String username);

    /** Saves a new account; {@code false} if the username is taken. */
    Mono<Boolean> create(StaffAccount account);

    /** Every account, by username. */
    Mono<List<StaffAccount>> all();
}
