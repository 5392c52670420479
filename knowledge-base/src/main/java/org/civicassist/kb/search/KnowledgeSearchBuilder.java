package org.civicassist.kb.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.civicassist.kb.embed.CachingEmbedder;
import org.civicassist.kb.embed.Embedder;
import org.civicassist.kb.embed.ShippedVectors;
import org.civicassist.kb.embed.VectorFile;
import org.civicassist.kb.index.AnalyzedTerms;
import org.civicassist.kb.index.IndexSchema;
import org.civicassist.kb.index.KbIndex;
import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.model.KnowledgeBase;
import org.civicassist.kb.passage.Chunker;
import org.civicassist.kb.passage.Passage;
import org.civicassist.kb.passage.PassageBuilder;
import org.civicassist.kb.rank.PassageStatistics;
import org.civicassist.kb.rank.Ranker;
import org.civicassist.kb.rank.RankingModels;
import org.civicassist.kb.rank.AspectModel;
import org.civicassist.kb.rank.SectionAspects;
import org.civicassist.nlp.ChineseNlp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Builds a {@link KnowledgeSearch} for a knowledge base. With a store directory, vectors and the Lucene index are
 * kept on disk under a key hashed from everything they are built from: a restart with an unchanged KB opens the
 * stored index and embeds nothing, and an edited entry re-embeds only its own texts. A KB directory may ship the
 * vectors of its texts ({@link ShippedVectors}, {@code vectors-<model>.bin} beside {@code faq.jsonl}): a build takes
 * those and embeds only the texts they lack, so a fresh machine's first build embeds nothing.
 *
 * <pre>
 * store/
 *   embeddings/vectors-&lt;model&gt;.bin   every vector ever computed, by text hash
 *   index/&lt;content key&gt;/              Lucene index, ranking-model.json, COMPLETE marker
 * </pre>
 */
public final class KnowledgeSearchBuilder {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeSearchBuilder.class);
    private static final String COMPLETE = "COMPLETE";
    private static final int KEPT_INDEXES = 2;

    private final ChineseNlp nlp;
    private final Embedder queryEmbedder;
    private final Embedder passageEmbedder;
    private final Optional<Path> store;
    private final AnswerCache answers;
    private final PassageBuilder passageBuilder = new PassageBuilder(Chunker.defaults()); // as embeddedTexts

    /** A builder whose searches cache nothing. */
    public KnowledgeSearchBuilder(ChineseNlp nlp, Embedder embedder, Optional<Path> store) {
        this(nlp, embedder, store, AnswerCache.disabled());
    }

    /** @param answers shared by every search this builder builds (see {@link AnswerCache}) */
    public KnowledgeSearchBuilder(ChineseNlp nlp, Embedder embedder, Optional<Path> store, AnswerCache answers) {
        this.nlp = nlp;
        this.queryEmbedder = embedder;
        this.store = store;
        this.answers = answers;
        this.passageEmbedder = store.<Embedder>map(dir -> new CachingEmbedder(embedder, dir.resolve("embeddings")))
                .orElse(embedder);
    }

    /** The cache of stand-alone questions' results that the built searches share. */
    public AnswerCache answerCache() {
        return answers;
    }

    /** The embedder used for passages (caching when there is a store): exposes how many vectors were computed. */
    public Embedder passageEmbedder() {
        return passageEmbedder;
    }

    /** Builds (or opens the stored index of) a KB that ships no vectors: every text is embedded or found stored. */
    public KnowledgeSearch build(KnowledgeBase kb, RankingModels models) {
        return build(kb, models, Optional.empty());
    }

    /**
     * Builds (or opens the stored index of) the KB read from {@code source}, taking the vectors it ships, if any,
     * before embedding. Shipped vectors are read only when an index has to be built, and dropped after.
     */
    public KnowledgeSearch build(KnowledgeBase kb, RankingModels models, KbSource source) {
        return build(kb, models, Optional.of(source));
    }

    private KnowledgeSearch build(KnowledgeBase kb, RankingModels models, Optional<KbSource> source) {
        List<Passage> passages = passageBuilder.build(kb);
        String key = contentKey(passages);
        Analyzer fieldAnalyzer = KbIndex.fieldAnalyzer(nlp.wordAnalyzer(), nlp.bigramAnalyzer());
        KbIndex index = store.isPresent()
                ? openOrBuild(store.get().resolve("index"), key, passages, fieldAnalyzer, models, source)
                : KbIndex.build(passages, fieldAnalyzer, embedderFor(source), new ByteBuffersDirectory());
        PassageStatistics statistics = statistics(passages);
        SectionAspects sections = SectionAspects.defaults();
        Ranker ranker = new Ranker(models.scorer(), index, statistics, sections, nlp.aspectDetector(),
                AspectModel.learn(passages, sections, nlp.aspectDetector()));
        return new KnowledgeSearch(kb, index, queryEmbedder, nlp.wordAnalyzer(), ranker, models, key, statistics,
                answers);
    }

    /** Every text a build of this KB embeds, in order: what its shipped vectors must cover. */
    public static List<String> embeddedTexts(KnowledgeBase kb) {
        return KbIndex.embeddedTexts(new PassageBuilder(Chunker.defaults()).build(kb));
    }

    /**
     * The vectors {@code source} ships for {@code model} ({@link VectorFile#fileName}), or none (also when the file
     * cannot be read).
     */
    public static ShippedVectors shippedVectors(KbSource source, Embedder model) {
        String file = VectorFile.fileName(model.modelId());
        try {
            Optional<InputStream> in = source.open(file);
            if (in.isEmpty()) {
                return ShippedVectors.none();
            }
            try (InputStream stream = in.get()) {
                ShippedVectors shipped = ShippedVectors.read(stream, model.modelId(), model.dimension());
                log.info("{} ships {} vectors ({})", source.describe(), shipped.size(), file);
                return shipped;
            }
        } catch (IOException e) {
            // shipped vectors only save time: embed instead
            log.warn("cannot read the vectors {} ships ({}): {}", source.describe(), file, e.toString());
            return ShippedVectors.none();
        }
    }

    private Embedder embedderFor(Optional<KbSource> source) {
        return source.map(s -> shippedVectors(s, passageEmbedder)).orElse(ShippedVectors.none())
                .before(passageEmbedder);
    }

    private KbIndex openOrBuild(Path root, String key, List<Passage> passages, Analyzer analyzer,
                                RankingModels models, Optional<KbSource> source) {
        Path dir = root.resolve(key);
        try {
            if (Files.exists(dir.resolve(COMPLETE))) {
                log.info("opening stored index {}", dir);
                return KbIndex.open(passages, analyzer, FSDirectory.open(dir));
            }
            Files.createDirectories(root);
            Path tmp = Files.createTempDirectory(root, key + ".building-");
            KbIndex built = KbIndex.build(passages, analyzer, embedderFor(source), FSDirectory.open(tmp));
            built.close();
            models.save(tmp.resolve(RankingModels.FILE_NAME));
            Files.writeString(tmp.resolve(COMPLETE), key);
            if (Files.exists(dir)) {
                deleteTree(dir); // an incomplete earlier attempt
            }
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            removeOldIndexes(root, key);
            return KbIndex.open(passages, analyzer, FSDirectory.open(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store index under " + root, e);
        }
    }

    private PassageStatistics statistics(List<Passage> passages) {
        List<PassageStatistics.PassageWords> words = new ArrayList<>(passages.size());
        Analyzer analyzer = nlp.wordAnalyzer();
        for (Passage p : passages) {
            String questions = p.section() != null ? p.title() + "\n" + p.section() : String.join("\n", p.questions());
            Set<String> questionWords = analyze(analyzer, questions);
            Set<String> titleWords = analyze(analyzer, p.title());
            Set<String> all = new HashSet<>(analyze(analyzer, p.text()));
            all.addAll(questionWords);
            all.addAll(titleWords);
            words.add(new PassageStatistics.PassageWords(all, questionWords, titleWords));
        }
        return new PassageStatistics(words);
    }

    private static Set<String> analyze(Analyzer analyzer, String text) {
        return AnalyzedTerms.of(analyzer, IndexSchema.BODY, text);
    }

    private String contentKey(List<Passage> passages) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, "schema " + IndexSchema.VERSION);
            update(sha, "model " + passageEmbedder.modelId());
            update(sha, "nlp " + nlp.fingerprint());
            for (Passage p : passages) {
                update(sha, p.toString());
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest sha, String s) {
        sha.update(s.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    private static void removeOldIndexes(Path root, String keep) {
        try (Stream<Path> dirs = Files.list(root)) {
            List<Path> old = dirs.filter(Files::isDirectory)
                    .filter(d -> !d.getFileName().toString().equals(keep))
                    .sorted(Comparator.comparing(KnowledgeSearchBuilder::modified).reversed())
                    .toList();
            for (int i = KEPT_INDEXES - 1; i < old.size(); i++) {
                deleteTree(old.get(i));
            }
        } catch (IOException e) {
            log.warn("cannot clean old indexes under {}: {}", root, e.toString());
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
