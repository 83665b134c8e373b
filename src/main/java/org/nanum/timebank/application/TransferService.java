package org.nanum.timebank.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import org.nanum.catalogue.application.ListingService;
import org.nanum.catalogue.application.ListingService.ListingFacts;
import org.nanum.catalogue.domain.ListingKind;
import org.nanum.catalogue.domain.OwnerType;
import org.nanum.platform.audit.AuditLog;
import org.nanum.platform.audit.AuditRecord;
import org.nanum.platform.rest.ProblemException;
import org.nanum.platform.security.Roles;
import org.nanum.platform.security.SignedInUser;
import org.nanum.residents.application.ResidentDirectory;
import org.nanum.residents.application.ResidentDirectory.Who;
import org.nanum.residents.notification.NotificationKind;
import org.nanum.residents.notification.NotificationService;
import org.nanum.timebank.application.TimebankViews.TransferView;
import org.nanum.timebank.domain.Account;
import org.nanum.platform.audit.PublicRecord;
import org.nanum.timebank.domain.TimebankProblems.IdempotencyKeyReusedException;
import org.nanum.timebank.domain.TimebankProblems.OwnHouseholdException;
import org.nanum.timebank.domain.TimebankProblems.TransferNotFoundException;
import org.nanum.timebank.domain.Transfer;
import org.nanum.timebank.domain.TransferNote;
import org.nanum.timebank.infrastructure.LedgerStore;

/**
 * Paying minutes: a household pays another account; staff grant from the community pot, reverse
 * mistakes and write debts off, never for their own household, each on the public record. A
 * payment carries an idempotency key, scoped to the paying account (a staff grant's to the staff
 * member): the key is claimed in the same transaction as the transfer, so a retry (even after a
 * restart, even at the same moment) finds the transfer the first try made and moves nothing again.
 */
@ApplicationScoped
public class TransferService {
    /** Attempts when a concurrent request with the same key was in flight. */
    private static final int ATTEMPTS = 3;

    @Inject
    Ledger ledger;
    @Inject
    LedgerStore store;
    @Inject
    AccountNames names;
    @Inject
    ResidentDirectory residents;
    @Inject
    ListingService listings;
    @Inject
    NotificationService notifications;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    TransferService self;
    @Inject
    WelcomeGrants welcome;
    @Inject
    org.nanum.platform.policy.PolicyService policy;
    @Inject
    jakarta.enterprise.event.Event<PublicRecord> publicRecord;

    /** A household pays: from its own account. Returns the transfer, marked when it is a replay. */
    public TransferView pay(@NotNull SignedInUser user, String key, @NotNull PayRequest r) {
        String k = requireKey(key);
        return retrying(lookFirst -> self.payOnce(user, k, r, lookFirst));
    }

    /** Staff grant minutes from the community pot to a household, with a reason on the record. */
    public TransferView grant(@NotNull SignedInUser staff, String key, @NotNull PayRequest r) {
        String k = requireKey(key);
        return retrying(lookFirst -> self.grantOnce(staff, k, r, lookFirst));
    }

    /** Tries again (looking the key up first) when a try lost a race and wrote nothing. */
    private static TransferView retrying(java.util.function.Function<Boolean, TransferView> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.apply(n > 1);
            } catch (RuntimeException e) {
                if (!isKeyRace(e) || n == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * One try. The first claims the key straight away (a new key is the common case); a retry after
     * a race looks it up first and answers with the transfer the other try made.
     */
    @Transactional
    public TransferView payOnce(SignedInUser user, String key, PayRequest r, boolean lookFirst) {
        Who who = residents.signIn(user);
        Account from = ledger.openFor(residents.householdOf(who));
        if (who.residencyVerified() && !who.welcomed()) {
            welcome.grantIfDue(who.residentId());
        }
        return move(user, who, from.id(), from.id(), key, r, Transfer.Kind.PAYMENT, lookFirst);
    }

    @Transactional
    public TransferView grantOnce(SignedInUser staff, String key, PayRequest r, boolean lookFirst) {
        Who who = residents.signIn(staff);
        if (r.memo() == null || r.memo().isBlank()) {
            throw new ProblemException.InvalidField("memo", "say why the minutes are granted");
        }
        // Each staff member's keys are their own: one staff member's key never answers with another's grant.
        TransferView v = move(staff, who, Account.POT, who.residentId(), key, r, Transfer.Kind.GRANT, lookFirst);
        if (!v.replayed()) {
            audit.record(who.residentId(), AuditRecord.ActorKind.STAFF, "timebank.granted", "transfer", v.id(), r.memo());
            publicRecord.fire(new PublicRecord("GRANTED", "TIMEBANK", v.id(), who.residentId(), "staff"));
        }
        return v;
    }

    private TransferView move(SignedInUser user, Who who, String fromAccount, String keyScope, String key, PayRequest r,
                              Transfer.Kind kind, boolean lookFirst) {
        String hash = requestHash(r);
        var used = lookFirst ? store.keyUse(keyScope, key) : java.util.Optional.<LedgerStore.KeyUse>empty();
        if (used.isPresent()) {
            return replay(used.get(), hash, kind == Transfer.Kind.GRANT ? null : fromAccount);
        }
        String transferId = UUID.randomUUID().toString();
        store.claimKey(keyScope, key, hash, transferId, clock.instant());
        String to = target(user, r);
        if (to.equals(fromAccount)) {
            throw new ProblemException.InvalidField("to", "is the paying account itself");
        }
        Account target = store.account(to).orElseThrow(() -> new ProblemException.InvalidField("to", "no such account"));
        if (Account.ISSUER.equals(target.id())) {
            throw new ProblemException.InvalidField("to", "the issuer only issues welcome grants; give to the community pot");
        }
        if (Account.MIGRATION.equals(target.id())) {
            throw new ProblemException.InvalidField("to", "the migration account takes only imported history; give to the "
                    + "community pot");
        }
        if (kind == Transfer.Kind.GRANT && target.kind() != Account.Kind.HOUSEHOLD) {
            throw new ProblemException.InvalidField("to", "grants go to a household's account");
        }
        if (kind == Transfer.Kind.GRANT && target.householdId().equals(who.householdId())) {
            throw new OwnHouseholdException("Staff do not grant the pot's minutes to their own household; another staff "
                    + "member must.");
        }
        Transfer t = ledger.pay(transferId, fromAccount, to, r.minutes(), kind, null, null);
        store.add(new TransferNote(t.id(), who.residentId(), blankToNull(r.memo()), blankToNull(r.listingId())));
        if (target.kind() == Account.Kind.HOUSEHOLD) {
            String what = r.minutes() + " min";
            for (String member : residents.membersOf(target.householdId())) {
                notifications.tell(member, NotificationKind.MINUTES_RECEIVED, what, "/api/timebank/transfers/" + t.id());
            }
        }
        return names.view(t, kind == Transfer.Kind.GRANT ? null : fromAccount, names.cache());
    }

    /** The receiving account: {@code to}, or the household of the listing's owner. */
    private String target(SignedInUser user, PayRequest r) {
        if (r.to() != null && !r.to().isBlank()) {
            return r.to().strip();
        }
        if (r.listingId() == null || r.listingId().isBlank()) {
            throw new ProblemException.InvalidField("to", "give the receiving account, or a listingId whose owner is paid");
        }
        ListingFacts listing = listings.facts(user, r.listingId());
        if (listing.kind() != ListingKind.SERVICE && listing.kind() != ListingKind.CHILDCARE) {
            throw new ProblemException.InvalidField("listingId", "only services and childcare are paid in minutes");
        }
        String household = listing.ownerType() == OwnerType.HOUSEHOLD ? listing.ownerId()
                : listing.ownerType() == OwnerType.RESIDENT ? residents.householdOfResident(listing.ownerId()) : null;
        if (household == null) {
            throw new ProblemException.InvalidField("listingId", "its owner has no household account to receive minutes");
        }
        return ledger.openFor(household).id();
    }

    private TransferView replay(LedgerStore.KeyUse used, String hash, String viewer) {
        if (!used.requestHash().equals(hash)) {
            throw new IdempotencyKeyReusedException();
        }
        Transfer t = store.transfer(used.transferId()).orElseThrow(() -> new TransferNotFoundException(used.transferId()));
        return names.view(t, viewer, names.cache()).asReplay();
    }

    /** Staff undo a posted transfer that was a mistake: the minutes go back, on the record. Never their own household's. */
    @Transactional
    public TransferView reverse(@NotNull SignedInUser staff, @NotNull String id, String reason) {
        Who who = residents.signIn(staff);
        if (reason == null || reason.isBlank()) {
            throw new ProblemException.InvalidField("reason", "say why the transfer is reversed");
        }
        Transfer original = store.transfer(id).orElseThrow(() -> new TransferNotFoundException(id));
        if (isOwnHousehold(who, original.fromAccount()) || isOwnHousehold(who, original.toAccount())) {
            throw new OwnHouseholdException("Staff do not reverse a transfer their own household made or received; "
                    + "another staff member must.");
        }
        Transfer r = ledger.reverse(id);
        store.add(new TransferNote(r.id(), who.residentId(), reason.strip(), null));
        audit.record(who.residentId(), AuditRecord.ActorKind.STAFF, "timebank.reversed", "transfer", id, reason);
        publicRecord.fire(new PublicRecord("REVERSED", "TIMEBANK", r.id(), who.residentId(), "staff"));
        return names.view(r, null, names.cache());
    }

    /**
     * Staff write a household's debt off to the community pot, with a reason: the pot pays it back
     * to zero (the way out for a resident in debt who wants to leave or be erased). Never their
     * own household's; on the audit trail and the public transparency log, pseudonymously.
     */
    @Transactional
    public TransferView writeOff(@NotNull SignedInUser staff, @NotNull String accountId, String reason) {
        Who who = residents.signIn(staff);
        if (reason == null || reason.isBlank()) {
            throw new ProblemException.InvalidField("reason", "say why the debt is written off, for the record");
        }
        Account a = store.account(accountId).filter(x -> x.kind() == Account.Kind.HOUSEHOLD)
                .orElseThrow(() -> new ProblemException.InvalidField("accountId", "no household account has this id"));
        if (a.householdId().equals(who.householdId())) {
            throw new OwnHouseholdException("Staff do not write off their own household's debt; another staff member must.");
        }
        Account fresh = store.fresh(a);
        if (fresh.balance() >= 0) {
            throw new ProblemException.InvalidField("accountId", "the account owes nothing (its balance is "
                    + fresh.balance() + ")");
        }
        Transfer t = ledger.writeOff(a.id(), (int) -fresh.balance());
        store.add(new TransferNote(t.id(), who.residentId(), reason.strip(), null));
        audit.record(who.residentId(), AuditRecord.ActorKind.STAFF, "timebank.written-off", "transfer", t.id(),
                reason.strip());
        publicRecord.fire(new PublicRecord("WRITTEN_OFF", "TIMEBANK", t.id(), who.residentId(), "staff"));
        for (String member : residents.membersOf(a.householdId())) {
            notifications.tell(member, NotificationKind.MINUTES_RECEIVED, t.minutes() + " min",
                    "/api/timebank/transfers/" + t.id());
        }
        return names.view(t, null, names.cache());
    }

    /**
     * Forgets idempotency keys older than TIMEBANK_IDEMPOTENCY_DAYS (at least 30), a thousand at a
     * time: a retry within that period still finds its transfer and moves nothing twice.
     */
    @Transactional
    public int purgeKeys() {
        return store.purgeKeys(clock.instant().minus(java.time.Duration.ofDays(
                Math.max(30, policy.value(org.nanum.platform.policy.Policy.TIMEBANK_IDEMPOTENCY_DAYS)))), 1000);
    }

    private boolean isOwnHousehold(Who who, String accountId) {
        return who.householdId() != null && store.account(accountId).map(Account::householdId)
                .filter(who.householdId()::equals).isPresent();
    }

    /** A transfer, for the households on either side of it, and for staff. */
    @Transactional
    public TransferView find(@NotNull SignedInUser user, @NotNull String id) {
        Transfer t = store.transfer(id).orElseThrow(() -> new TransferNotFoundException(id));
        if (user.hasRole(Roles.STAFF)) {
            return names.view(t, null, names.cache());
        }
        Who who = residents.signIn(user);
        String own = who.householdId() == null ? null
                : store.accountOfHousehold(who.householdId()).map(Account::id).orElse(null);
        if (own == null || (!own.equals(t.fromAccount()) && !own.equals(t.toAccount()))) {
            throw new TransferNotFoundException(id);
        }
        return names.view(t, own, names.cache());
    }

    private static String requireKey(String key) {
        if (key == null || key.isBlank()) {
            throw new ProblemException.InvalidField("Idempotency-Key",
                    "send an Idempotency-Key header (a new random value per transfer, the same one on a retry)");
        }
        String k = key.strip();
        if (k.length() > 100) {
            throw new ProblemException.InvalidField("Idempotency-Key", "at most 100 characters");
        }
        return k;
    }

    static String requestHash(PayRequest r) {
        String canonical = String.join("\u001f", String.valueOf(blankToNull(r.to())), String.valueOf(blankToNull(r.listingId())),
                String.valueOf(r.minutes()), String.valueOf(blankToNull(r.memo())));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether the transaction lost a race and nothing of it was written, so that trying again is
     * safe: a unique violation on the key (another try with the same key was in flight; the next
     * attempt finds its transfer), H2's concurrent-update error, or a deadlock or serialization
     * failure the database broke by rolling this transaction back.
     */
    static boolean isKeyRace(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && ("23505".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState())
                    || "40001".equals(sql.getSQLState()) || sql.getErrorCode() == 90131)) {
                return true;
            }
        }
        return false;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
