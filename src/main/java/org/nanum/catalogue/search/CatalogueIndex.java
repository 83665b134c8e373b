package org.nanum.catalogue.search;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
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
import org.apache.lucene.document.BinaryDocValuesField;
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
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
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
import org.apache.lucene.util.BytesRef;
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
 * first); {@code shown} one binary doc value with what a hit shows (id, title, snippet …), so a
 * page of results needs no database round trip and no stored-field decompression. Nothing is a
 * stored field.
 */
@ApplicationScoped
public class CatalogueIndex {
    /** Changes to fields or analysis bump this: an index of another format is rebuilt at start. */
    static final String FORMAT = "nanum-catalogue-3";
    static final int MAX_QUERY_TERMS = 16;
    /** The binary doc value holding what a hit shows. */
    static final String SHOWN = "shown";
    /** A search whose words as typed find fewer listings than this also tolerates misspellings. */
    static final int TYPO_TOLERANCE_BELOW = 10;
    private static final Logger LOG = Logger.getLogger(CatalogueIndex.class.getName());
    private static final List<String> FACET_DIMS = List.of("kind", "category", "district", "ownerType", "direction");

    @Inject
    @ConfigProperty(name = "nanum.index.dir", defaultValue = "catalogue-index")
    String indexDir;
    @Inject
    @ConfigProperty(name = "nanum.catalogue.synonyms-file")
    java.util.Optional<String> synonymsFile;
    private volatile Synonyms synonyms;

    private static final FacetsConfig FACETS = new FacetsConfig();

    static {
        FACETS.setMultiValued("category", true);
    }

    private final Analyzers analyzers = new Analyzers();
    private Directory directory;
    private String databaseIdentity;
    private IndexWriter writer;
    private SearcherManager searchers;
    private volatile SortedSetDocValuesReaderState facetState;
    private volatile IndexReader facetStateReader;

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

    /** The analysis of every field: each language's fields by its analyzer, the rest plain. */
    Analyzer perFieldAnalyzer() {
        Map<String, Analyzer> perField = new HashMap<>();
        for (Language l : Language.values()) {
            perField.put("title_" + l.code(), analyzers.of(l));
            perField.put("body_" + l.code(), analyzers.of(l));
        }
        return new PerFieldAnalyzerWrapper(analyzers.plain(), perField);
    }

    public void replace(IndexedListing l) throws IOException {
        writer.updateDocument(new Term("id", l.id()), document(l));
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

    /** The document of a listing, facet fields built (package-visible for the search benchmark's baseline). */
    static Document document(IndexedListing l) throws IOException {
        return FACETS.build(fields(l));
    }

    private static Document fields(IndexedListing l) {
        Document d = new Document();
        d.add(new KeywordField("id", l.id(), Field.Store.NO));
        d.add(new KeywordField("kind", l.kind(), Field.Store.NO));
        d.add(new KeywordField("direction", l.direction(), Field.Store.NO));
        d.add(new KeywordField("ownerType", l.ownerType(), Field.Store.NO));
        d.add(new SortedSetDocValuesFacetField("kind", l.kind()));
        d.add(new SortedSetDocValuesFacetField("direction", l.direction()));
        d.add(new SortedSetDocValuesFacetField("ownerType", l.ownerType()));
        for (String c : l.categoryPath()) {
            d.add(new KeywordField("category", c, Field.Store.NO));
            d.add(new SortedSetDocValuesFacetField("category", c));
        }
        if (l.districtCode() != null) {
            d.add(new KeywordField("district", l.districtCode(), Field.Store.NO));
            d.add(new SortedSetDocValuesFacetField("district", l.districtCode()));
        }
        d.add(new TextField("title_" + l.language(), l.title(), Field.Store.NO));
        d.add(new TextField("body_" + l.language(), l.description(), Field.Store.NO));
        d.add(new TextField("plain", l.title() + "\n" + l.description(), Field.Store.NO));
        d.add(new TextField("title_plain", l.title(), Field.Store.NO));
        d.add(new BinaryDocValuesField(SHOWN, shown(l)));
        if (l.latitude() != null && l.longitude() != null) {
            d.add(new LatLonPoint("loc", l.latitude(), l.longitude()));
            d.add(new LatLonDocValuesField("loc", l.latitude(), l.longitude()));
        }
        for (IndexedListing.DayRange r : l.blocked()) {
            d.add(new LongRange("blocked", new long[] {r.first()}, new long[] {r.last()}));
        }
        if (l.window() != null) {
            d.add(new LongRange("window", new long[] {l.window().first()}, new long[] {l.window().last()}));
            d.add(new KeywordField("hasWindow", "yes", Field.Store.NO));
        }
        d.add(new NumericDocValuesField("updated", l.updatedAt().toEpochMilli()));
        return d;
    }

    private static String snippet(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 200 ? flat : flat.substring(0, 199) + "…";
    }

    /**
     * The query for the words a resident typed: each language's analysis, for what was typed and
     * (a little lower) for each synonym variant of it; with {@code typos}, also a typo-tolerant
     * match of the words, so "dril" finds drills.
     */
    Query textQuery(String text, boolean typos) {
        if (text == null || text.isBlank()) {
            return new MatchAllDocsQuery();
        }
        // From three words on, one may be missing. Counted in the words the resident typed: an
        // analyzer may cut one word into many tokens (Nori splits "dcd771" into dcd, 771), and a
        // synonym may be a phrase (회의실 → meeting room); those must match whole.
        int mayMiss = Analyzers.terms(analyzers.plain(), "plain", text, MAX_QUERY_TERMS).size() >= 3 ? 1 : 0;
        List<String> variants = synonyms().variants(text, 16);
        if (variants.isEmpty()) {
            return wordsQuery(text, mayMiss, typos);
        }
        // What was typed ranks first; a listing found only through a synonym gets a small fixed
        // score (BM25 scores of short listings in another language would otherwise win).
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(wordsQuery(text, mayMiss, typos), Occur.SHOULD);
        for (String variant : variants) {
            b.add(new BoostQuery(new ConstantScoreQuery(wordsQuery(variant, 0, typos)), 0.5f), Occur.SHOULD);
        }
        return b.build();
    }

    private Query wordsQuery(String text, int mayMiss, boolean typos) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        List<String> plainTerms = typos ? Analyzers.terms(analyzers.plain(), "plain", text, MAX_QUERY_TERMS) : List.of();
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

    Query filteredQuery(SearchQuery q, boolean typos) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(textQuery(q.text(), typos), Occur.MUST);
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

    /**
     * A page of results. The words are matched as typed first; only when that finds fewer than
     * {@link #TYPO_TOLERANCE_BELOW} listings are misspellings tolerated too. Typo-tolerant matching
     * costs more than the rest of a search together (each query builds Levenshtein automata), and
     * words that already find plenty are rarely misspelt. The threshold does not depend on the
     * page asked for, so every page of a search counts the same total.
     */
    public SearchPage search(SearchQuery q) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            int wanted = (q.page() + 1) * q.size();
            FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(searcher, filteredQuery(q, false),
                    wanted, sortOf(q), q.sort() == SearchQuery.Sort.RELEVANCE, new FacetsCollectorManager());
            if (result.topDocs().totalHits.value() < TYPO_TOLERANCE_BELOW && q.text() != null && !q.text().isBlank()) {
                result = FacetsCollectorManager.search(searcher, filteredQuery(q, true), wanted, sortOf(q),
                        q.sort() == SearchQuery.Sort.RELEVANCE, new FacetsCollectorManager());
            }
            TopDocs top = result.topDocs();
            List<SearchPage.Hit> hits = new ArrayList<>();
            ScoreDoc[] docs = top.scoreDocs;
            for (int i = q.page() * q.size(); i < docs.length; i++) {
                Double distance = null;
                if (q.sort() == SearchQuery.Sort.DISTANCE && docs[i] instanceof FieldDoc fd
                        && fd.fields[0] instanceof Double meters && !meters.isInfinite()) {
                    distance = Math.round(meters / 10.0) / 100.0;
                }
                hits.add(hit(shown(searcher, docs[i].doc), distance));
            }
            return new SearchPage(top.totalHits.value(), q.page(), q.size(), hits, facets(searcher, result.facetsCollector()));
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * What a hit shows, in one binary doc value per listing: read at random by document, without
     * the block decompression stored fields need (the cost of showing 20 hits halves).
     */
    private static BytesRef shown(IndexedListing l) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(l.id());
            out.writeUTF(l.kind());
            out.writeUTF(l.direction());
            out.writeUTF(l.ownerType());
            out.writeUTF(l.title());
            out.writeUTF(snippet(l.description()));
            out.writeUTF(l.language());
            out.writeUTF(l.categoryPath().get(l.categoryPath().size() - 1));
            out.writeUTF(l.districtCode() == null ? "" : l.districtCode());
            boolean located = l.latitude() != null && l.longitude() != null;
            out.writeBoolean(located);
            if (located) {
                out.writeDouble(l.latitude());
                out.writeDouble(l.longitude());
            }
            out.writeLong(l.updatedAt().toEpochMilli());
            return new BytesRef(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DataInputStream shown(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        BinaryDocValues values = leaf.reader().getBinaryDocValues(SHOWN);
        if (values == null || !values.advanceExact(doc - leaf.docBase)) {
            throw new IllegalStateException("indexed listing without its shown fields: document " + doc);
        }
        BytesRef b = values.binaryValue();
        return new DataInputStream(new ByteArrayInputStream(b.bytes, b.offset, b.length));
    }

    private static SearchPage.Hit hit(DataInputStream in, Double distanceKm) throws IOException {
        String id = in.readUTF();
        String kind = in.readUTF();
        String direction = in.readUTF();
        String ownerType = in.readUTF();
        String title = in.readUTF();
        String snippet = in.readUTF();
        String language = in.readUTF();
        String category = in.readUTF();
        String district = in.readUTF();
        boolean located = in.readBoolean();
        Double lat = located ? in.readDouble() : null;
        Double lon = located ? in.readDouble() : null;
        Instant updated = Instant.ofEpochMilli(in.readLong());
        return new SearchPage.Hit(id, kind, direction, ownerType, title, snippet, language, category,
                district.isEmpty() ? null : district, lat, lon, updated, distanceKm);
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
                    facetState = new DefaultSortedSetDocValuesReaderState(reader, FACETS);
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
            for (ScoreDoc sd : top.scoreDocs) {
                String title = hit(shown(searcher, sd.doc), null).title();
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
