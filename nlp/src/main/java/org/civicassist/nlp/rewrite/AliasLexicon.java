package org.civicassist.nlp.rewrite;

import org.civicassist.nlp.lexicon.SourceLine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Colloquial words, abbreviations and alternative names mapped to one canonical word per concept (社会保障卡 → 社保卡,
 * gjj → 公积金, 咋 → 怎么). Applied to whole words only, never inside another word.
 *
 * <p>File format ({@code aliases.txt}): {@code canonical = alias, alias, …} one concept per line; aliases separated by
 * commas (or 、) or white space. Entries are normalised like citizen text (simplified, half-width, lower case). An
 * alias may belong to one concept only, and a canonical word may not itself be an alias, so rewriting never chains.
 */
public final class AliasLexicon {

    private static final Pattern SEPARATORS = Pattern.compile("[,，、\\s]+");

    private final Map<String, String> canonicalOf;

    public AliasLexicon(Map<String, String> canonicalOf) {
        this.canonicalOf = Collections.unmodifiableMap(new LinkedHashMap<>(canonicalOf));
    }

    public static AliasLexicon empty() {
        return new AliasLexicon(Map.of());
    }

    public static AliasLexicon parse(List<SourceLine> lines, UnaryOperator<String> normalize) {
        Map<String, String> canonicalOf = new LinkedHashMap<>();
        Set<String> canonicals = new LinkedHashSet<>();
        for (SourceLine line : lines) {
            int eq = line.text().indexOf('=');
            if (eq < 0) {
                throw line.error("expected \"canonical = alias, alias\"");
            }
            String canonical = normalize.apply(line.text().substring(0, eq).strip());
            if (canonical.isEmpty() || SEPARATORS.matcher(canonical).find()) {
                throw line.error("the canonical word before '=' must be one word");
            }
            if (canonicalOf.containsKey(canonical)) {
                throw line.error("\"" + canonical + "\" is already an alias of \"" + canonicalOf.get(canonical) + "\"");
            }
            String rest = line.text().substring(eq + 1).strip();
            if (rest.isEmpty()) {
                throw line.error("no alias after '='");
            }
            canonicals.add(canonical);
            String[] parts = SEPARATORS.split(rest);
            if (parts.length == 0) {
                throw line.error("no alias after '='");
            }
            for (String raw : parts) {
                String alias = normalize.apply(raw);
                if (alias.isEmpty()) {
                    throw line.error("empty alias");
                }
                if (alias.equals(canonical)) {
                    throw line.error("\"" + alias + "\" is its own alias");
                }
                if (canonicals.contains(alias)) {
                    throw line.error("\"" + alias + "\" is a canonical word; aliases must not chain");
                }
                String previous = canonicalOf.putIfAbsent(alias, canonical);
                if (previous != null && !previous.equals(canonical)) {
                    throw line.error("\"" + alias + "\" is already an alias of \"" + previous + "\"");
                }
            }
        }
        return new AliasLexicon(canonicalOf);
    }

    /** The canonical word for {@code word} if it is an alias. */
    public Optional<String> canonical(String word) {
        return Optional.ofNullable(canonicalOf.get(word));
    }

    /** Alias → canonical word. */
    public Map<String, String> asMap() {
        return canonicalOf;
    }

    /** Every alias and canonical word: the segmenter must know them to keep them whole. */
    public Set<String> words() {
        Set<String> words = new LinkedHashSet<>(canonicalOf.keySet());
        words.addAll(canonicalOf.values());
        return words;
    }

    public boolean isEmpty() {
        return canonicalOf.isEmpty();
    }
}
