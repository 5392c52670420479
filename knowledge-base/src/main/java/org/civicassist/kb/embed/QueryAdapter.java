package org.civicassist.kb.embed;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/**
 * A query-side correction of the embedding, learned from the knowledge base's own paraphrases
 * ({@link QueryAdapterTrainer}): a question's vector {@code q} becomes {@code normalise(q + U·(Vᵀ·q))}, a low-rank
 * linear map near the identity. Passages keep the vectors the model gives them, so the stored index stays valid and
 * only the question is moved towards how this KB words its answers. Immutable.
 *
 * @param u {@code dimension × rank}, row-major
 * @param v {@code dimension × rank}, row-major
 */
public record QueryAdapter(int dimension, int rank, float[] u, float[] v) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public QueryAdapter {
        if (dimension < 1 || rank < 1 || u.length != dimension * rank || v.length != dimension * rank) {
            throw new IllegalArgumentException("adapter matrices must be dimension × rank");
        }
        u = u.clone();
        v = v.clone();
    }

    /** The adapted, unit-length query vector. */
    public float[] apply(float[] q) {
        if (q.length != dimension) {
            throw new IllegalArgumentException("query vector of " + q.length + " dimensions, adapter of " + dimension);
        }
        float[] h = new float[rank];
        for (int i = 0; i < dimension; i++) {
            float qi = q[i];
            int row = i * rank;
            for (int k = 0; k < rank; k++) {
                h[k] += v[row + k] * qi;
            }
        }
        float[] z = q.clone();
        for (int i = 0; i < dimension; i++) {
            int row = i * rank;
            float s = 0;
            for (int k = 0; k < rank; k++) {
                s += u[row + k] * h[k];
            }
            z[i] += s;
        }
        return Embedder.normalize(z);
    }

    public JsonNode toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "low-rank");
        node.put("dimension", dimension);
        node.put("rank", rank);
        node.put("u", encode(u));
        node.put("v", encode(v));
        return node;
    }

    public static QueryAdapter fromJson(JsonNode node) {
        if (!"low-rank".equals(node.path("type").asString())) {
            throw new IllegalArgumentException("unknown query adapter type: " + node.path("type").asString());
        }
        int dimension = node.required("dimension").asInt();
        int rank = node.required("rank").asInt();
        return new QueryAdapter(dimension, rank, decode(node.required("u").asString()),
                decode(node.required("v").asString()));
    }

    /** Little-endian float32, Base64: a 512 × 32 matrix is 87 KB of text instead of about 200 KB of decimals. */
    private static String encode(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return Base64.getEncoder().encodeToString(buffer.array());
    }

    private static float[] decode(String text) {
        ByteBuffer buffer = ByteBuffer.wrap(Base64.getDecoder().decode(text)).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[buffer.remaining() / Float.BYTES];
        buffer.asFloatBuffer().get(values);
        return values;
    }
}
