package org.civicassist.kb.embed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps every vector on disk keyed by the SHA-256 of the model id and the text, so that a restart with an unchanged
 * knowledge base embeds nothing and an edited entry re-embeds only its own text. The file is append-only
 * ({@code vectors-<model>.bin}); a torn last record (crash while writing) is ignored on load.
 */
public final class CachingEmbedder implements Embedder {

    private static final Logger log = LoggerFactory.getLogger(CachingEmbedder.class);

    private final Embedder delegate;
    private final Path file;
    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();
    private final AtomicLong computed = new AtomicLong();

    public CachingEmbedder(Embedder delegate, Path directory) {
        this.delegate = delegate;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create embedding cache directory " + directory, e);
        }
        this.file = directory.resolve(VectorFile.fileName(delegate.modelId()));
        load();
    }

    @Override
    public String modelId() {
        return delegate.modelId();
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    /** How many vectors this instance had to compute (not found on disk). */
    public long computedCount() {
        return computed.get();
    }

    public int size() {
        return vectors.size();
    }

    @Override
    public float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<String> keys = new ArrayList<>(texts.size());
        Map<String, String> missing = new LinkedHashMap<>(); // key -> text, each new text once, in order
        for (String text : texts) {
            String key = key(text);
            keys.add(key);
            if (!vectors.containsKey(key)) {
                missing.putIfAbsent(key, text);
            }
        }
        if (!missing.isEmpty()) {
            // only the texts not stored, in one call, so that the model can spread them over its threads
            List<String> missingKeys = new ArrayList<>(missing.keySet());
            List<float[]> fresh = delegate.embedAll(new ArrayList<>(missing.values()));
            computed.addAndGet(fresh.size());
            append(missingKeys, fresh);
            for (int i = 0; i < fresh.size(); i++) {
                vectors.put(missingKeys.get(i), fresh.get(i));
            }
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (String key : keys) {
            out.add(vectors.get(key));
        }
        return out;
    }

    private String key(String text) {
        return VectorFile.key(delegate.modelId(), text);
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        int dim = delegate.dimension();
        long record = VectorFile.recordBytes(dim);
        try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
            long whole = channel.size() - channel.size() % record;
            if (whole != channel.size()) {
                log.warn("embedding cache {} ends with a torn record; truncating it", file);
                channel.truncate(whole); // later appends must stay aligned
            }
        } catch (IOException e) {
            log.warn("embedding cache {} cannot be repaired: {}", file, e.toString());
        }
        try (InputStream raw = Files.newInputStream(file)) {
            VectorFile.read(raw, dim, vectors);
        } catch (IOException e) {
            log.warn("embedding cache {} unreadable, starting empty: {}", file, e.toString());
            vectors.clear();
        }
    }

    private synchronized void append(List<String> keys, List<float[]> fresh) {
        Map<String, float[]> records = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            records.put(keys.get(i), fresh.get(i));
        }
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            VectorFile.write(out, records);
        } catch (IOException e) {
            // the cache only saves time; answering must go on
            log.warn("cannot write embedding cache {}: {}", file, e.toString());
        }
    }
}
