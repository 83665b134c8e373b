package org.nanum.catalogue.application;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.nanum.catalogue.search.CatalogueIndex;
import org.nanum.platform.persistence.DatabaseMigration;

/**
 * Keeps this node's index in step with the database through the outbox ({@code listing_change}).
 *
 * <p>At start the index is opened and, if missing, unreadable, of an old format or of another
 * database, rebuilt from the database. Then, every second, the rows past the watermark are read, and
 * so are the rows that have landed among the numbers this node still awaits (a transaction that took
 * its number early but committed late: see {@link OutboxCursor}). Reindexing is idempotent (a
 * document is replaced by the listing's current row), so seeing a row twice is harmless. A change
 * made on this node also wakes the follower at once, after its commit.
 */
@ApplicationScoped
public class CatalogueIndexer {
    public static final int ORDER = DemoCatalogue.ORDER + 10;
    /** How long outbox rows are kept; a node away for longer rebuilds its index when it returns. */
    static final Duration OUTBOX_KEPT = Duration.ofDays(7);
    private static final int BATCH = 5000;
    private static final Logger LOG = Logger.getLogger(CatalogueIndexer.class.getName());

    @Inject
    CatalogueIndex index;
    @Inject
    IndexFeed feed;
    @Inject
    DatabaseMigration database;
    @Resource
    ManagedScheduledExecutorService scheduler;

    private OutboxCursor cursor = new OutboxCursor();
    private ScheduledFuture<?> follower;
    private ScheduledFuture<?> pruner;

    void start(@Observes @Priority(ORDER) Startup startup) throws IOException {
        boolean fresh = index.open(database.databaseIdentity());
        long indexed = fresh ? 0 : index.committedWatermark();
        long oldest = feed.oldestChange();
        if (fresh || indexed > feed.lastChange() || (oldest > 0 && indexed < oldest - 1)) {
            // Ahead of the outbox: another database (e.g. after a reset). Behind its oldest row:
            // this node was away longer than the outbox is kept, and changes may be gone.
            rebuild();
        } else {
            cursor.reset(indexed, feed.seqsBetween(OutboxCursor.resetWindowStart(indexed), indexed), Instant.now());
            LOG.info(() -> "Catalogue index opened at outbox position " + indexed);
        }
        follower = scheduler.scheduleWithFixedDelay(this::followQuietly, 1, 1, TimeUnit.SECONDS);
        pruner = scheduler.scheduleWithFixedDelay(this::pruneQuietly, 10, 60 * 60, TimeUnit.SECONDS);
    }

    private void pruneQuietly() {
        try {
            int pruned = feed.pruneChangesBefore(Instant.now().minus(OUTBOX_KEPT));
            if (pruned > 0) {
                LOG.info(() -> pruned + " outbox rows older than " + OUTBOX_KEPT.toDays() + " days pruned");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not prune the catalogue outbox this round: " + e);
        }
    }

    /** Drops the index and fills it again from the database. */
    public synchronized int rebuild() throws IOException {
        long started = System.nanoTime();
        long mark = feed.lastChange();
        index.deleteAll();
        int n = 0;
        String after = "";
        while (after != null) {
            IndexFeed.Page page = feed.pageAfter(after, 1000);
            for (var l : page.searchable()) {
                index.replace(l);
                n++;
            }
            after = page.lastId();
        }
        cursor.reset(mark, feed.seqsBetween(OutboxCursor.resetWindowStart(mark), mark), Instant.now());
        index.commit(mark);
        int count = n;
        LOG.info(() -> "Catalogue index rebuilt: " + count + " listings in "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
        return n;
    }

    /** Applies the outbox rows not yet applied; returns how many listings were reindexed. */
    public synchronized int follow() throws IOException {
        IndexFeed.Changes changes = feed.changes(cursor.watermark(), cursor.awaited(), BATCH);
        // The cursor moves only once the changes are in the index: a failure means they are read again.
        OutboxCursor next = cursor.copy();
        Set<String> ids = next.advance(changes.fresh(), changes.late(), Instant.now());
        if (ids.isEmpty()) {
            cursor = next;
            return 0;
        }
        IndexFeed.Batch batch = feed.load(ids);
        for (var l : batch.upsert()) {
            index.replace(l);
        }
        for (String id : batch.remove()) {
            index.delete(id);
        }
        index.commit(next.watermark());
        cursor = next;
        if (ids.size() >= 100) {
            LOG.info(() -> "Catalogue index: " + ids.size() + " changed listings applied from the outbox ("
                    + batch.upsert().size() + " searchable)");
        }
        return ids.size();
    }

    private void followQuietly() {
        try {
            follow();
        } catch (IOException | RuntimeException e) {
            // The database may be briefly away; the next round tries again.
            LOG.log(Level.WARNING, "Catalogue index could not follow the outbox this round: " + e);
        }
    }

    /** A change committed on this node: follow now rather than at the next tick. */
    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ListingChanged change) {
        scheduler.execute(this::followQuietly);
    }

    @PreDestroy
    void stop() {
        if (follower != null) {
            follower.cancel(false);
        }
        if (pruner != null) {
            pruner.cancel(false);
        }
    }
}
