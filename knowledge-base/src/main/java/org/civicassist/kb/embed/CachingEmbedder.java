package org.civicassist.kb.embed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
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
        this.file = directory.resolve("vectors-" + delegate.modelId().replaceAll("[^A-Za-z0-9.-]", "_") + ".bin");
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
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(delegate.modelId().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        int dim = delegate.dimension();
        long record = 32L + 4L * dim;
        try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
            long whole = channel.size() - channel.size() % record;
            if (whole != channel.size()) {
                log.warn("embedding cache {} ends with a torn record; truncating it", file);
                channel.truncate(whole); // later appends must stay aligned
            }
        } catch (IOException e) {
            log.warn("embedding cache {} cannot be repaired: {}", file, e.toString());
        }
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 16))) {
            byte[] digest = new byte[32];
            while (true) {
                try {
                    in.readFully(digest);
                    float[] v = new float[dim];
                    for (int i = 0; i < dim; i++) {
                        v[i] = in.readFloat();
                    }
                    vectors.put(HexFormat.of().formatHex(digest), v);
                } catch (EOFException end) {
                    break;
                }
            }
        } catch (IOException e) {
            log.warn("embedding cache {} unreadable, starting empty: {}", file, e.toString());
            vectors.clear();
        }
    }

    private synchronized void append(List<String> keys, List<float[]> fresh) {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), 1 << 16))) {
            for (int i = 0; i < keys.size(); i++) {
                out.write(HexFormat.of().parseHex(keys.get(i)));
                for (float x : fresh.get(i)) {
                    out.writeFloat(x);
                }
            }
        } catch (IOException e) {
            // the cache only saves time; answering must go on
            log.warn("cannot write embedding cache {}: {}", file, e.toString());
        }
    }
}
