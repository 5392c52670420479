package org.civicassist.assistant.security;

import reactor.core.publisher.Mono;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** Accounts of the embedded default, lost on restart (the bootstrap administrator is created again). */
public final class InMemoryStaffAccounts implements StaffAccounts {

    private final ConcurrentHashMap<String, StaffAccount> accounts = new ConcurrentHashMap<>();

    @Override
    public Mono<StaffAccount> find(String username) {
        return Mono.justOrEmpty(accounts.get(username));
    }

    @Override
    public Mono<Boolean> create(StaffAccount account) {
        return Mono.fromSupplier(() -> accounts.putIfAbsent(account.username(), account) == null);
    }

    @Override
    public Mono<List<StaffAccount>> all() {
        return Mono.fromSupplier(() -> accounts.values().stream()
                .sorted(Comparator.comparing(StaffAccount::username)).toList());
    }
}
