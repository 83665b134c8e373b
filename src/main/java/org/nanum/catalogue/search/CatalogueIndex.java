package org.nanum.catalogue.search;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongRange;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nanum.catalogue.domain.Language;

/**
 * The catalogue's Lucene index on this node. Documents are replaced by id; one shared
 * {@link SearcherManager}; the index is disposable: {@link #open()} reports when it is missing,
 * unreadable or of another format, and the caller rebuilds it from the database.
 *
 * <p>Fields, and why each has its type: {@code id} KeywordField (exact, sortable tie-break for a
 * stable order); kind, direction, owner type, district and every category on the path
 * KeywordFields (filters) plus SortedSet facet fields (counts); title and description in
 * TextFields named for the listing's language ({@code title_ko} …), analysed by that language's
 * analyzer; {@code plain} and {@code title_plain} TextFields with a plain analyzer, for typo
 * tolerance and suggestions; {@code loc} LatLonPoint (distance filter) and LatLonDocValuesField
 * (distance sort), always the public, coarsened point; {@code blocked} and {@code window} LongRanges
 * of epoch days (availability); {@code updated} a numeric doc value (newest
 * first); the rest stored for showing a hit without a database round trip.
 */
@ApplicationScoped
public class CatalogueIndex {
    /** Changes to fields or analysis bump this: an index of another format is rebuilt at start. */
    static final String FORMAT = "nanum-catalogue-2";
    static final int MAX_QUERY_TERMS = 16;
    private static final Logger LOG = Logger.getLogger(CatalogueIndex.class.getName());
    private static final List<String> FACET_DIMS = List.of("kind", "category", "district", "ownerType", "direction");

    @Inject
    @ConfigProperty(name = "nanum.index.dir", defaultValue = "catalogue-index")
    String indexDir;
    @Inject
    @ConfigProperty(name = "nanum.catalogue.synonyms-file")
    java.util.Optional<String> synonymsFile;
    private volatile Synonyms synonyms;

    private final Analyzers analyzers = new Analyzers();
    private final FacetsConfig facetsConfig = new FacetsConfig();
    private Directory directory;
    private String databaseIdentity;
    private IndexWriter writer;
    private SearcherManager searchers;
    private volatile SortedSetDocValuesReaderState facetState;
    private volatile IndexReader facetStateReader;

    public CatalogueIndex() {
        facetsConfig.setMultiValued("category", true);
    }

    /**
     * Opens the index of the database with this identity; returns true when it had to start
     * empty (missing, unreadable, of another format or of another database) and must be rebuilt.
     */
    public synchronized boolean open(String databaseIdentity) throws IOException {
        this.databaseIdentity = databaseIdentity;
        Path path = Path.of(indexDir).toAbsolutePath();
        Files.createDirectories(path);
        directory = FSDirectory.open(path);
        boolean fresh = !usable(directory, databaseIdentity);
        if (fresh) {
            LOG.info(() -> "Catalogue index at " + path + " is missing, unreadable, of an old format or of another "
                    + "database: rebuilding");
            // Even in CREATE mode IndexWriter reads the last commit; damaged files must go first.
            for (String file : directory.listAll()) {
                directory.deleteFile(file);
            }
        }
        IndexWriterConfig config = new IndexWriterConfig(perFieldAnalyzer())
                .setOpenMode(fresh ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        writer = new IndexWriter(directory, config);
        searchers = new SearcherManager(writer, null);
        return fresh;
    }

    private static boolean usable(Directory dir, String databaseIdentity) {
        try {
            if (!DirectoryReader.indexExists(dir)) {
                return false;
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                Map<String, String> data = reader.getIndexCommit().getUserData();
                return FORMAT.equals(data.get("format")) && databaseIdentity.equals(data.get("database"));
            }
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    /** The outbox position this index had reached at its last commit (0 when unknown). */
    public long committedWatermark() throws IOException {
        Map<String, String> data = writer.getLiveCommitData() == null ? Map.of() : toMap(writer.getLiveCommitData());
        if (data.isEmpty()) {
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                data = reader.getIndexCommit().getUserData();
            } catch (IOException | RuntimeException none) {
                return 0;
            }
        }
        return Long.parseLong(data.getOrDefault("watermark", "0"));
    }

    private static Map<String, String> toMap(Iterable<Map.Entry<String, String>> entries) {
        Map<String, String> m = new HashMap<>();
        entries.forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    private Analyzer perFieldAnalyzer() {
        Map<String, Analyzer> perField = new HashMap<>();
        for (Language l : Language.values()) {
            perField.put("title_" + l.code(), analyzers.of(l));
            perField.put("body_" + l.code(), analyzers.of(l));
        }
        return new PerFieldAnalyzerWrapper(analyzers.plain(), perField);
    }

    public void replace(IndexedListing l) throws IOException {
        writer.updateDocument(new Term("id", l.id()), facetsConfig.build(document(l)));
    }

    public void delete(String id) throws IOException {
        writer.deleteDocuments(new Term("id", id));
    }

    public void deleteAll() throws IOException {
        writer.deleteAll();
    }

    /** Makes changes durable and visible, remembering how far the outbox was followed. */
    public void commit(long watermark) throws IOException {
        writer.setLiveCommitData(Map.of("format", FORMAT, "database", databaseIdentity,
                "watermark", Long.toString(watermark)).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /** Makes changes visible without a commit (cheap; the outbox replays them after a crash). */
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    private Document document(IndexedListing l) {
        Document d = new Document();
        d.add(new KeywordField("id", l.id(), Field.Store.YES));
        d.add(new KeywordField("kind", l.kind(), Field.Store.YES));
        d.add(new KeywordField("direction", l.direction(), Field.Store.YES));
        d.add(new KeywordField("ownerType", l.ownerType(), Field.Store.YES));
        d.add(new SortedSetDocValuesFacetField("kind", l.kind()));
        d.add(new SortedSetDocValuesFacetField("direction", l.direction()));
        d.add(new SortedSetDocValuesFacetField("ownerType", l.ownerType()));
        for (String c : l.categoryPath()) {
            d.add(new KeywordField("category", c, Field.Store.NO));
            d.add(new SortedSetDocValuesFacetField("category", c));
        }
        d.add(new StoredField("categoryCode", l.categoryPath().get(l.categoryPath().size() - 1)));
        if (l.districtCode() != null) {
            d.add(new KeywordField("district", l.districtCode(), Field.Store.YES));
            d.add(new SortedSetDocValuesFacetField("district", l.districtCode()));
        }
        d.add(new TextField("title_" + l.language(), l.title(), Field.Store.NO));
        d.add(new TextField("body_" + l.language(), l.description(), Field.Store.NO));
        d.add(new TextField("plain", l.title() + "\n" + l.description(), Field.Store.NO));
        d.add(new TextField("title_plain", l.title(), Field.Store.NO));
        d.add(new StoredField("title", l.title()));
        d.add(new StoredField("snippet", snippet(l.description())));
        d.add(new StoredField("language", l.language()));
        if (l.latitude() != null && l.longitude() != null) {
            d.add(new LatLonPoint("loc", l.latitude(), l.longitude()));
            d.add(new LatLonDocValuesField("loc", l.latitude(), l.longitude()));
            d.add(new StoredField("lat", l.latitude()));
            d.add(new StoredField("lon", l.longitude()));
        }
        for (IndexedListing.DayRange r : l.blocked()) {
            d.add(new LongRange("blocked", new long[] {r.first()}, new long[] {r.last()}));
        }
        if (l.window() != null) {
            d.add(new LongRange("window", new long[] {l.window().first()}, new long[] {l.window().last()}));
            d.add(new KeywordField("hasWindow", "yes", Field.Store.NO));
        }
        d.add(new NumericDocValuesField("updated", l.updatedAt().toEpochMilli()));
        d.add(new StoredField("updatedAt", l.updatedAt().toEpochMilli()));
        return d;
    }

    private static String snippet(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 200 ? flat : flat.substring(0, 199) + "…";
    }

    /**
     * The query for the words a resident typed: each language's analysis and a typo-tolerant
     * fallback, for what was typed and (a little lower) for each synonym variant of it.
     */
    Query textQuery(String text) {
        if (text == null || text.isBlank()) {
            return new MatchAllDocsQuery();
        }
        // From three words on, one may be missing. Counted in the words the resident typed: an
        // analyzer may cut one word into many tokens (Nori splits "dcd771" into dcd, 771), and a
        // synonym may be a phrase (회의실 → meeting room); those must match whole.
        int mayMiss = Analyzers.terms(analyzers.plain(), "plain", text, MAX_QUERY_TERMS).size() >= 3 ? 1 : 0;
        List<String> variants = synonyms().variants(text, 16);
        if (variants.isEmpty()) {
            return wordsQuery(text, mayMiss);
        }
        // What was typed ranks first; a listing found only through a synonym gets a small fixed
        // score (BM25 scores of short listings in another language would otherwise win).
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(wordsQuery(text, mayMiss), Occur.SHOULD);
        for (String variant : variants) {
            b.add(new BoostQuery(new ConstantScoreQuery(wordsQuery(variant, 0)), 0.5f), Occur.SHOULD);
        }
        return b.build();
    }

    private Query wordsQuery(String text, int mayMiss) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        List<String> plainTerms = Analyzers.terms(analyzers.plain(), "plain", text, MAX_QUERY_TERMS);
        for (Language language : Language.values()) {
            List<String> terms = Analyzers.terms(analyzers.of(language), "body_" + language.code(), text, MAX_QUERY_TERMS);
            if (terms.isEmpty()) {
                continue;
            }
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            for (String term : terms) {
                all.add(new BooleanQuery.Builder()
                        .add(new BoostQuery(new TermQuery(new Term("title_" + language.code(), term)), 3f), Occur.SHOULD)
                        .add(new TermQuery(new Term("body_" + language.code(), term)), Occur.SHOULD)
                        .build(), Occur.SHOULD);
            }
            all.setMinimumNumberShouldMatch(Math.max(1, terms.size() - mayMiss));
            any.add(new BoostQuery(all.build(), 3f), Occur.SHOULD);
        }
        if (!plainTerms.isEmpty()) {
            BooleanQuery.Builder fuzzy = new BooleanQuery.Builder();
            for (String term : plainTerms) {
                int edits = term.codePointCount(0, term.length()) >= 8 ? 2 : term.codePointCount(0, term.length()) >= 4 ? 1 : 0;
                fuzzy.add(edits == 0 ? new TermQuery(new Term("plain", term))
                        : new FuzzyQuery(new Term("plain", term), edits, 1, 50, true), Occur.MUST);
            }
            any.add(fuzzy.build(), Occur.SHOULD);
        }
        BooleanQuery built = any.build();
        return built.clauses().isEmpty() ? new MatchAllDocsQuery() : built;
    }

    private Synonyms synonyms() {
        if (synonyms == null) {
            String file = synonymsFile == null ? null : synonymsFile.filter(s -> !s.isBlank()).orElse(null);
            try (var in = file == null ? CatalogueIndex.class.getResourceAsStream("/catalogue/synonyms.txt")
                    : Files.newInputStream(Path.of(file))) {
                synonyms = Synonyms.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the synonyms " + (file == null ? "bundled" : file), e);
            }
        }
        return synonyms;
    }

    Query filteredQuery(SearchQuery q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(textQuery(q.text()), Occur.MUST);
        filter(b, "kind", q.kind());
        filter(b, "category", q.category());
        filter(b, "district", q.district());
        filter(b, "ownerType", q.ownerType());
        filter(b, "direction", q.direction());
        if (!q.includeChildcare()) {
            b.add(new TermQuery(new Term("kind", "CHILDCARE")), Occur.MUST_NOT);
        }
        if (q.availableFirstDay() != null) {
            long[] from = {q.availableFirstDay()};
            long[] to = {q.availableLastDay()};
            b.add(LongRange.newIntersectsQuery("blocked", from, to), Occur.MUST_NOT);
            b.add(new BooleanQuery.Builder()
                    .add(LongRange.newIntersectsQuery("window", from, to), Occur.SHOULD)
                    .add(new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER)
                            .add(new TermQuery(new Term("hasWindow", "yes")), Occur.MUST_NOT).build(), Occur.SHOULD)
                    .build(), Occur.FILTER);
        }
        if (q.nearLatitude() != null && q.withinKm() != null) {
            b.add(LatLonPoint.newDistanceQuery("loc", q.nearLatitude(), q.nearLongitude(), q.withinKm() * 1000),
                    Occur.FILTER);
        }
        return b.build();
    }

    private static void filter(BooleanQuery.Builder b, String field, String value) {
        if (value != null) {
            b.add(new TermQuery(new Term(field, value)), Occur.FILTER);
        }
    }

    private static Sort sortOf(SearchQuery q) {
        SortField byId = KeywordField.newSortField("id", false, SortedSetSelector.Type.MIN);
        return switch (q.sort()) {
            case DISTANCE -> new Sort(LatLonDocValuesField.newDistanceSort("loc", q.nearLatitude(), q.nearLongitude()), byId);
            case NEWEST -> new Sort(new SortField("updated", SortField.Type.LONG, true), byId);
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, byId);
        };
    }

    public SearchPage search(SearchQuery q) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            Query query = filteredQuery(q);
            int wanted = (q.page() + 1) * q.size();
            FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(searcher, query, wanted,
                    sortOf(q), q.sort() == SearchQuery.Sort.RELEVANCE, new FacetsCollectorManager());
            TopDocs top = result.topDocs();
            List<SearchPage.Hit> hits = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            ScoreDoc[] docs = top.scoreDocs;
            for (int i = q.page() * q.size(); i < docs.length; i++) {
                Document d = stored.document(docs[i].doc);
                Double distance = null;
                if (q.sort() == SearchQuery.Sort.DISTANCE && docs[i] instanceof FieldDoc fd
                        && fd.fields[0] instanceof Double meters && !meters.isInfinite()) {
                    distance = Math.round(meters / 10.0) / 100.0;
                }
                hits.add(hit(d, distance));
            }
            return new SearchPage(top.totalHits.value(), q.page(), q.size(), hits, facets(searcher, result.facetsCollector()));
        } finally {
            searchers.release(searcher);
        }
    }

    private static SearchPage.Hit hit(Document d, Double distanceKm) {
        IndexableFieldReader f = new IndexableFieldReader(d);
        return new SearchPage.Hit(d.get("id"), d.get("kind"), d.get("direction"), d.get("ownerType"), d.get("title"),
                d.get("snippet"), d.get("language"), d.get("categoryCode"), d.get("district"), f.dbl("lat"),
                f.dbl("lon"), Instant.ofEpochMilli(f.lng("updatedAt")), distanceKm);
    }

    private record IndexableFieldReader(Document d) {
        Double dbl(String name) {
            var field = d.getField(name);
            return field == null ? null : field.numericValue().doubleValue();
        }

        long lng(String name) {
            return d.getField(name).numericValue().longValue();
        }
    }

    private Map<String, Map<String, Integer>> facets(IndexSearcher searcher, FacetsCollector fc) throws IOException {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        if (searcher.getIndexReader().maxDoc() == 0) {
            FACET_DIMS.forEach(dim -> out.put(dim, Map.of()));
            return out;
        }
        Facets facets = new SortedSetDocValuesFacetCounts(facetState(searcher.getIndexReader()), fc);
        for (String dim : FACET_DIMS) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            FacetResult r;
            try {
                r = facets.getTopChildren(200, dim);
            } catch (IllegalArgumentException notIndexedYet) {
                r = null;
            }
            if (r != null) {
                Stream.of(r.labelValues).sorted(Comparator.comparing((LabelAndValue lv) -> -lv.value.intValue())
                                .thenComparing(lv -> lv.label))
                        .forEach(lv -> counts.put(lv.label, lv.value.intValue()));
            }
            out.put(dim, counts);
        }
        return out;
    }

    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        if (facetStateReader != reader) {
            synchronized (this) {
                if (facetStateReader != reader) {
                    facetState = new DefaultSortedSetDocValuesReaderState(reader, facetsConfig);
                    facetStateReader = reader;
                }
            }
        }
        return facetState;
    }

    /** Titles that have a word starting with the prefix, newest first, without repeats. */
    public List<String> suggest(String prefix, boolean includeChildcare, int limit) throws IOException {
        List<String> words = Analyzers.terms(analyzers.plain(), "title_plain", prefix, 1);
        if (words.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder()
                .add(new PrefixQuery(new Term("title_plain", words.get(0))), Occur.MUST);
        if (!includeChildcare) {
            b.add(new TermQuery(new Term("kind", "CHILDCARE")), Occur.MUST_NOT);
        }
        IndexSearcher searcher = searchers.acquire();
        try {
            TopDocs top = searcher.search(b.build(), limit * 4, new Sort(new SortField("updated", SortField.Type.LONG, true)));
            List<String> titles = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc sd : top.scoreDocs) {
                String title = stored.document(sd.doc).get("title");
                if (!titles.contains(title)) {
                    titles.add(title);
                }
                if (titles.size() == limit) {
                    break;
                }
            }
            return titles;
        } finally {
            searchers.release(searcher);
        }
    }

    public int size() throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            return s.getIndexReader().numDocs();
        } finally {
            searchers.release(s);
        }
    }

    @PreDestroy
    public synchronized void close() {
        try {
            if (searchers != null) {
                searchers.close();
            }
            if (writer != null) {
                writer.close();
            }
            if (directory != null) {
                directory.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
