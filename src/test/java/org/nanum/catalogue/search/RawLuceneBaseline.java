package org.nanum.catalogue.search;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.nanum.catalogue.domain.Category;
import org.nanum.catalogue.domain.Language;
import org.nanum.catalogue.domain.ListingDetails;
import org.nanum.catalogue.search.IndexedListing.DayRange;

/**
 * The search benchmark's "limit": plain Lucene in the benchmark's own process, no server, no
 * JPA, no HTTP. It indexes the very documents the server indexes ({@link CatalogueIndex#document},
 * same analyzers), read straight from PostgreSQL with JDBC, with one thread and a plain
 * IndexWriter; and answers a query the way one would write it by hand: every word in the
 * listing's language (title boosted), the category filter, the top results by BM25 with an exact
 * total. No typo tolerance, synonyms or facet counts: those are what the server adds on top.
 */
public final class RawLuceneBaseline implements AutoCloseable {
    private final Analyzers analyzers = new Analyzers();
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    private RawLuceneBaseline(Directory directory) throws IOException {
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
    }

    /** The published listings, as the server's rebuild turns them into {@link IndexedListing}s. */
    public static List<IndexedListing> load(String url, String user, String password, ZoneId cityZone)
            throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            Map<String, List<DayRange>> blocked = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("select b.listing_id, b.first_day, b.last_day from "
                    + "listing_blocked_period b join listing l on l.id = b.listing_id where l.status = 'PUBLISHED'")) {
                s.setFetchSize(10_000);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        blocked.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(new DayRange(
                                r.getDate(2).toLocalDate().toEpochDay(), r.getDate(3).toLocalDate().toEpochDay()));
                    }
                }
            }
            List<IndexedListing> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select id, kind, direction, owner_type, title, description, "
                    + "language, category_code, district_code, public_latitude, public_longitude, updated_at, details "
                    + "from listing where status = 'PUBLISHED' order by id")) {
                s.setFetchSize(10_000);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String kind = r.getString(2);
                        DayRange window = null;
                        if ("CHILDCARE".equals(kind)) {
                            ListingDetails.Childcare care = ListingDetails.fromJson(r.getString(13)).childcare();
                            window = new DayRange(care.from().atZone(cityZone).toLocalDate().toEpochDay(),
                                    care.to().atZone(cityZone).toLocalDate().toEpochDay());
                        }
                        Double lat = (Double) r.getObject(10);
                        Double lon = (Double) r.getObject(11);
                        out.add(new IndexedListing(r.getString(1), kind, r.getString(3), r.getString(4), r.getString(5),
                                r.getString(6), r.getString(7), Category.pathOf(r.getString(8)), r.getString(9), lat, lon,
                                r.getTimestamp(12).toInstant(), blocked.getOrDefault(r.getString(1), List.of()), window));
                    }
                }
            }
            return out;
        }
    }

    /** Writes the documents into a new index at {@code dir} and commits; then opens it for searching. */
    public static RawLuceneBaseline index(Path dir, List<IndexedListing> listings) throws IOException {
        Directory directory = FSDirectory.open(dir);
        IndexWriterConfig config = new IndexWriterConfig(new CatalogueIndex().perFieldAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (IndexedListing l : listings) {
                writer.addDocument(CatalogueIndex.document(l));
            }
            writer.commit();
        }
        return new RawLuceneBaseline(directory);
    }

    /** The ids of the first {@code size} results, and the exact number of results. */
    public record Result(long total, List<String> ids) {
    }

    public Result search(String text, String category, int size) throws IOException {
        BooleanQuery.Builder anyLanguage = new BooleanQuery.Builder();
        for (Language language : Language.values()) {
            List<String> terms = Analyzers.terms(analyzers.of(language), "body_" + language.code(), text, 16);
            if (terms.isEmpty()) {
                continue;
            }
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            for (String term : terms) {
                all.add(new BooleanQuery.Builder()
                        .add(new BoostQuery(new TermQuery(new Term("title_" + language.code(), term)), 3f), Occur.SHOULD)
                        .add(new TermQuery(new Term("body_" + language.code(), term)), Occur.SHOULD)
                        .build(), Occur.MUST);
            }
            anyLanguage.add(all.build(), Occur.SHOULD);
        }
        BooleanQuery query = new BooleanQuery.Builder()
                .add(anyLanguage.build(), Occur.MUST)
                .add(new TermQuery(new Term("category", category)), Occur.FILTER)
                .add(new TermQuery(new Term("kind", "CHILDCARE")), Occur.MUST_NOT)
                .build();
        TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(size, Integer.MAX_VALUE));
        // The id from its doc values: the cheapest way to name a hit.
        List<String> ids = new ArrayList<>(top.scoreDocs.length);
        List<LeafReaderContext> leaves = reader.leaves();
        for (ScoreDoc sd : top.scoreDocs) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
            SortedSetDocValues id = leaf.reader().getSortedSetDocValues("id");
            id.advanceExact(sd.doc - leaf.docBase);
            ids.add(id.lookupOrd(id.nextOrd()).utf8ToString());
        }
        return new Result(top.totalHits.value(), ids);
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
