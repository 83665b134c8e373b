package org.nanum.catalogue.search;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.dict.UserDictionary;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.nanum.catalogue.domain.Language;

/**
 * One analyzer per catalogue language (Korean with Nori and a user dictionary of catalogue
 * words, English and French with stemming), and a plain one (lower-cased words, English and
 * French stop words removed) for typo tolerance and suggestions.
 */
final class Analyzers {
    private final Map<Language, Analyzer> byLanguage = new EnumMap<>(Language.class);
    private final Analyzer plain;

    Analyzers() {
        byLanguage.put(Language.KO, new KoreanAnalyzer(userDictionary(), KoreanTokenizer.DecompoundMode.DISCARD,
                KoreanPartOfSpeechStopFilter.DEFAULT_STOP_TAGS, false));
        byLanguage.put(Language.EN, new EnglishAnalyzer());
        byLanguage.put(Language.FR, new FrenchAnalyzer());
        CharArraySet stops = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        stops.addAll(FrenchAnalyzer.getDefaultStopSet());
        plain = new StandardAnalyzer(stops);
    }

    private static UserDictionary userDictionary() {
        try (Reader r = new InputStreamReader(Analyzers.class.getResourceAsStream("/catalogue/nori-user-dictionary.txt"),
                StandardCharsets.UTF_8)) {
            return UserDictionary.open(r);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Korean user dictionary", e);
        }
    }

    Analyzer of(Language language) {
        return byLanguage.get(language);
    }

    Analyzer plain() {
        return plain;
    }

    /** The terms an analyzer makes of a text, at most {@code max}. */
    static List<String> terms(Analyzer analyzer, String field, String text, int max) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && out.size() < max) {
                String t = term.toString();
                if (!t.isEmpty() && !out.contains(t)) {
                    out.add(t);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
