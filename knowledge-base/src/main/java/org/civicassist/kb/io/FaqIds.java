package org.civicassist.kb.io;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** FAQ ids: what the knowledge base accepts, and stable ids for sheets that have none. */
public final class FaqIds {

    /** The id rule of the KB format (the same as {@code KnowledgeBaseLoader} applies). */
    static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");

    private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0\\u3000]+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[?？!！。.,，;；~～]+$");

    private FaqIds() {
    }

    public static boolean isValid(String id) {
        return VALID.matcher(id).matches();
    }

    /**
     * An id derived from the question alone, so that importing the same sheet again (or after reordering rows)
     * gives every FAQ the id it had, and vectors cached for it stay valid.
     */
    public static String fromQuestion(String question) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(questionKey(question).getBytes(StandardCharsets.UTF_8));
            return "faq-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The question as compared for duplicates: full-width forms folded, case, spaces and closing punctuation
     * ignored, so "社保卡丢了怎么办？" and "社保卡丢了怎么办?" are the same question.
     */
    static String questionKey(String question) {
        String s = Normalizer.normalize(question, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = SPACE.matcher(s).replaceAll("");
        return TRAILING_PUNCTUATION.matcher(s).replaceAll("");
    }
}
