package org.nanum.timebank.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The journal's hash chain: each sealed entry's hash commits to the previous entry's hash, its
 * own position and every field that says what it did to the books. Changing, removing or
 * inserting an entry breaks every hash after it.
 */
public final class HashChain {
    /** The hash before the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    /** The fields of an entry the chain covers: ids, accounts, minutes, time. No personal data. */
    public record Link(long pos, String id, String transferId, String entry, String fromAccount, String toAccount,
                       int minutes, Instant recordedAt) {
    }

    public static String hash(String prevHash, Link l) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, l.recordedAt());
        String canonical = String.join("|", prevHash, Long.toString(l.pos()), l.id(), l.transferId(), l.entry(),
                l.fromAccount(), l.toAccount(), Integer.toString(l.minutes()), Long.toString(micros));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** What a walk along the chain found. */
    public record Break(long pos, String entryId, String reason) {
    }

    /**
     * Checks the next sealed entry against the previous position and hash; returns the break, or
     * null when the link holds.
     */
    public static Break check(long expectedPos, String prevHash, Link l, String storedPrev, String storedHash) {
        if (l.pos() != expectedPos) {
            return new Break(expectedPos, l.id(), "position " + expectedPos + " is missing (next found: " + l.pos() + ")");
        }
        if (!prevHash.equals(storedPrev)) {
            return new Break(l.pos(), l.id(), "it does not point to the entry before it");
        }
        if (!hash(prevHash, l).equals(storedHash)) {
            return new Break(l.pos(), l.id(), "its content does not match its hash");
        }
        return null;
    }
}
