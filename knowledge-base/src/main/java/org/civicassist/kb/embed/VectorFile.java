package org.civicassist.kb.embed;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The format of stored vectors, shared by the embedding cache and the vectors a KB ships: records of the SHA-256 of
 * the model id and the text (32 bytes), then the vector as big-endian float32, nothing else. Keyed by content, so a
 * vector found is the vector of exactly that text by exactly that model.
 */
public final class VectorFile {

    private static final int DIGEST_BYTES = 32;

    private VectorFile() {
    }

    /** {@code vectors-<model>.bin}, the model id made safe for a file name. */
    public static String fileName(String modelId) {
        return "vectors-" + modelId.replaceAll("[^A-Za-z0-9.-]", "_") + ".bin";
    }

    /** Bytes of one record of a vector of {@code dimension} floats. */
    public static long recordBytes(int dimension) {
        return DIGEST_BYTES + 4L * dimension;
    }

    /** The hex SHA-256 of the model id, a zero byte and the text's UTF-8. */
    public static String key(String modelId, String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(modelId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads whole records into {@code into} until the stream ends; a torn last record is left out.
     *
     * @return how many records were read
     */
    public static int read(InputStream raw, int dimension, Map<String, float[]> into) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
        byte[] digest = new byte[DIGEST_BYTES];
        int records = 0;
        while (true) {
            try {
                in.readFully(digest);
                float[] v = new float[dimension];
                for (int i = 0; i < dimension; i++) {
                    v[i] = in.readFloat();
                }
                into.put(HexFormat.of().formatHex(digest), v);
                records++;
            } catch (EOFException end) {
                return records;
            }
        }
    }

    /** Writes the records (hex key → vector) in the map's order; the caller closes {@code raw}. */
    public static void write(OutputStream raw, Map<String, float[]> vectors) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
        for (Map.Entry<String, float[]> e : vectors.entrySet()) {
            out.write(HexFormat.of().parseHex(e.getKey()));
            for (float x : e.getValue()) {
                out.writeFloat(x);
            }
        }
        out.flush();
    }
}
