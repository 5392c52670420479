package org.civicassist.assistant.quality;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * Short-lived tickets that let the console's sandboxed frame load a run's report.html: a frame cannot send the staff
 * token, so the status (fetched with the token, by a maintainer) hands out a link carrying a ticket for that run,
 * signed with a key of this process and valid for {@link #VALID}. A ticket opens the reports of one run, nothing else.
 */
public final class ReportTickets {

    static final Duration VALID = Duration.ofMinutes(15);

    private final byte[] key = new byte[32];
    private final Clock clock;

    public ReportTickets(Clock clock) {
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    /** A ticket for the reports of run {@code runId}: {@code <expiry epoch seconds>.<signature>}. */
    public String issue(String runId) {
        long expires = clock.instant().plus(VALID).getEpochSecond();
        return expires + "." + sign(runId, expires);
    }

    public boolean valid(String runId, String ticket) {
        if (ticket == null) {
            return false;
        }
        int dot = ticket.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        long expires;
        try {
            expires = Long.parseLong(ticket.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        return clock.instant().getEpochSecond() <= expires && MessageDigest.isEqual(
                sign(runId, expires).getBytes(StandardCharsets.US_ASCII),
                ticket.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String runId, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] sig = mac.doFinal((runId + "\n" + expires).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
