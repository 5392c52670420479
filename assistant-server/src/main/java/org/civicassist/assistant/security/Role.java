package org.civicassist.assistant.security;

/** What a staff account may do. */
public enum Role {
    /** Answer citizens: the queue, claim, reply, transfer, close, knowledge-base search. */
    STAFF,
    /** Everything staff do, plus accounts and the audit log. */
    ADMIN,
    /**
     * The maintainers' console: analytics, knowledge gaps, suggested similar questions and editing the knowledge
     * base; not the queue, accounts or the audit log.
     */
    MAINTAINER;

    public String authority() {
        return "ROLE_" + name();
    }
}
