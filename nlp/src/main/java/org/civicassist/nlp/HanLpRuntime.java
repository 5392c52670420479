package org.civicassist.nlp;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.corpus.io.ResourceIOAdapter;
import com.hankcs.hanlp.dictionary.CoreDictionary;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one place that touches HanLP's global static configuration. HanLP reads a {@code hanlp.properties} from the
 * class path if a host application happens to have one; we do not rely on it and set explicitly what we depend on
 * (the data bundled in the portable jar, read from the class path, and the switches below), so the module behaves
 * the same in any host. Everything else in this module reaches HanLP only through its own types.
 */
public final class HanLpRuntime {

    /** Where the portable jar keeps its dictionaries on the class path. */
    static final String DATA = "data/dictionary/";

    private static volatile boolean configured;

    private HanLpRuntime() {
    }

    public static void configure() {
        if (configured) {
            return;
        }
        synchronized (HanLpRuntime.class) {
            if (!configured) {
                // the dictionaries of the portable jar, whatever data root a hanlp.properties may name
                HanLP.Config.IOAdapter = new ResourceIOAdapter();
                HanLP.Config.CoreDictionaryPath = DATA + "CoreNatureDictionary.mini.txt";
                HanLP.Config.CoreDictionaryTransformMatrixDictionaryPath = DATA + "CoreNatureDictionary.tr.txt";
                HanLP.Config.BiGramDictionaryPath = DATA + "CoreNatureDictionary.ngram.mini.txt";
                HanLP.Config.CoreStopWordDictionaryPath = DATA + "stopwords.txt";
                HanLP.Config.CustomDictionaryPath = new String[]{DATA + "custom/CustomDictionary.txt"};
                HanLP.Config.tcDictionaryRoot = DATA + "tc/";
                HanLP.Config.PinyinDictionaryPath = DATA + "pinyin/pinyin.txt";
                HanLP.Config.CharTypePath = DATA + "other/CharType.bin";
                HanLP.Config.CharTablePath = DATA + "other/CharTable.txt";
                HanLP.Config.ShowTermNature = false;
                // we normalise ourselves (with offsets); HanLP's own normalisation would change words silently
                HanLP.Config.Normalization = false;
                HanLP.Config.DEBUG = false;
                configured = true;
            }
        }
    }

    /** Whether HanLP's core dictionary knows the word as a place name (nature ns…), e.g. 上海, 杭州, 泰国. */
    public static boolean isPlaceName(String word) {
        configure();
        if (word.length() < 2) {
            return false;
        }
        com.hankcs.hanlp.dictionary.CoreDictionary.Attribute attribute =
                com.hankcs.hanlp.dictionary.CoreDictionary.get(word);
        if (attribute == null) {
            return false;
        }
        for (com.hankcs.hanlp.corpus.tag.Nature nature : attribute.nature) {
            if (nature != null && nature.toString().startsWith("ns")) {
                return true;
            }
        }
        return false;
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
