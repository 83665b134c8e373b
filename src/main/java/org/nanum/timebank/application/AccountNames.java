package org.nanum.timebank.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.nanum.residents.application.ResidentDirectory;
import org.nanum.timebank.domain.Account;
import org.nanum.timebank.domain.Transfer;
import org.nanum.timebank.domain.TransferNote;
import org.nanum.timebank.application.TimebankViews.TransferView;
import org.nanum.timebank.infrastructure.LedgerStore;

/**
 * Names of accounts as statements show them: the household's name, or the city's account.
 * Households' names are kept for a minute on each node: a renamed household shows its new name in
 * transfers within a minute, and a payment does not read two more rows for its receipt.
 */
@ApplicationScoped
public class AccountNames {
    public static final String ISSUER_NAME = "City of Nanum: welcome grants";
    public static final String POT_NAME = "Community pot";
    public static final String MIGRATION_NAME = "Imported time-bank history";
    static final java.time.Duration KEPT = java.time.Duration.ofMinutes(1);
    static final int MOST = 10_000;

    private record Known(String name, long until) {
    }

    private final java.util.concurrent.ConcurrentHashMap<String, Known> known = new java.util.concurrent.ConcurrentHashMap<>();

    @Inject
    LedgerStore store;
    @Inject
    ResidentDirectory residents;

    /** A cache for one request: names looked up once. */
    public Map<String, String> cache() {
        return new HashMap<>();
    }

    public String name(String accountId, Map<String, String> cache) {
        return cache.computeIfAbsent(accountId, id -> store.account(id).map(this::nameOf).orElse("(unknown account)"));
    }

    String nameOf(Account a) {
        if (a.kind() == Account.Kind.SYSTEM) {
            return Account.ISSUER.equals(a.id()) ? ISSUER_NAME : Account.MIGRATION.equals(a.id()) ? MIGRATION_NAME : POT_NAME;
        }
        long now = System.nanoTime();
        Known k = known.get(a.householdId());
        if (k != null && now - k.until() < 0) {
            return k.name();
        }
        String name = residents.householdName(a.householdId());
        String shown = name == null ? "(household)" : name;
        if (known.size() >= MOST) {
            known.clear();
        }
        known.put(a.householdId(), new Known(shown, now + KEPT.toNanos()));
        return shown;
    }

    /** A transfer as the holder of {@code viewerAccount} sees it (null: staff, no sign). */
    TransferView view(Transfer t, String viewerAccount, Map<String, String> cache) {
        TransferNote note = store.note(t.id()).orElse(null);
        Integer moved = t.postedMinutes();
        Integer signed = viewerAccount == null || moved == null ? null
                : viewerAccount.equals(t.toAccount()) ? moved : -moved;
        return new TransferView(t.id(), t.kind(), t.status(), t.fromAccount(), name(t.fromAccount(), cache),
                t.toAccount(), name(t.toAccount(), cache), t.minutes(), t.postedMinutes(), signed,
                note == null ? null : note.memo(), note == null ? null : note.listingId(), t.reverses(), t.sessionId(),
                t.createdAt(), t.settledAt(), false);
    }
}
