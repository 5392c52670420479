package org.civicassist.nlp;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CoreDictionary;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one place that touches HanLP's global static configuration. HanLP reads a {@code hanlp.properties} from the
 * class path if a host application happens to have one; we do not rely on it and set explicitly what we depend on, so
 * the module behaves the same in any host. Everything else in this module reaches HanLP only through its own types.
 */
public final class HanLpRuntime {

    private static volatile boolean configured;

    private HanLpRuntime() {
    }

    public static void configure() {
        if (configured) {
            return;
        }
        synchronized (HanLpRuntime.class) {
            if (!configured) {
                HanLP.Config.ShowTermNature = false;
                // we normalise ourselves (with offsets); HanLP's own normalisation would change words silently
                HanLP.Config.Normalization = false;
                HanLP.Config.DEBUG = false;
                configured = true;
            }
        }
    }

    public static String toSimplified(String text) {
        configure();
        return HanLP.convertToSimplifiedChinese(text);
    }

    /** Toneless pinyin syllables of each character; a character without a reading gives {@code "none"}. */
    public static List<String> pinyin(String text) {
        configure();
        return HanLP.convertToPinyinList(text).stream()
                .map(p -> p.getPinyinWithoutTone())
                .collect(Collectors.toList());
    }

    /** Whether {@code word} is in HanLP's core dictionary: a word in its own right, never a typo to correct. */
    public static boolean isCoreWord(String word) {
        configure();
        return CoreDictionary.contains(word);
    }
}
