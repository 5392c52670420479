package org.civicassist.nlp.intent;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the aspect a question asks about from cue words (多久 → time limit, 带啥 → materials …). Works on normalised
 * text with canonical words. When several aspects are cued, the one cued latest wins: citizens put the actual
 * question at the end ("我社保卡丢了 … 咋补 能当天拿到不").
 */
public final class AspectDetector {

    private static final Map<Aspect, List<String>> DEFAULT_CUES = defaultCues();

    private final Map<Aspect, List<String>> cues;

    public AspectDetector() {
        this(DEFAULT_CUES);
    }

    public AspectDetector(Map<Aspect, List<String>> cues) {
        this.cues = new EnumMap<>(cues);
    }

    public Optional<Aspect> detect(String text) {
        Aspect best = null;
        int bestPos = -1;
        for (Map.Entry<Aspect, List<String>> e : cues.entrySet()) {
            for (String cue : e.getValue()) {
                int pos = text.lastIndexOf(cue);
                if (pos >= 0 && pos + cue.length() > bestPos) {
                    bestPos = pos + cue.length();
                    best = e.getKey();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static Map<Aspect, List<String>> defaultCues() {
        Map<Aspect, List<String>> m = new LinkedHashMap<>();
        m.put(Aspect.TIME_LIMIT, List.of("多久", "多长时间", "几天", "多少天", "几个工作日", "时限", "到账", "拿到手",
                "什么时候能", "啥时候能", "要等", "当天", "马上", "立即", "办结", "几个月"));
        m.put(Aspect.MATERIALS, List.of("材料", "带什么", "带啥", "要带", "准备什么", "准备啥", "准备些", "需要什么",
                "要什么", "要啥", "证件", "资料", "手续"));
        m.put(Aspect.FEES, List.of("多少钱", "收费", "费用", "花钱", "收钱", "工本费", "免费", "交钱", "要钱", "几块钱"));
        m.put(Aspect.PLACE_AND_HOURS, List.of("在哪", "哪里", "哪儿", "去哪", "地址", "地点", "窗口", "几点",
                "上班时间", "营业时间", "周末", "周六", "星期六"));
        m.put(Aspect.CONDITIONS, List.of("条件", "资格", "符合", "能不能办", "可以办吗", "能办吗", "够不够"));
        m.put(Aspect.ELIGIBILITY, List.of("谁能", "谁可以", "哪些人", "什么人"));
        m.put(Aspect.PROCESS, List.of("流程", "步骤", "怎么办理", "如何办理", "怎么弄", "咋弄", "咋办", "怎么办"));
        m.put(Aspect.ONLINE, List.of("网上", "线上", "手机上", "app", "小程序", "不用跑", "在家"));
        m.put(Aspect.CONTACT, List.of("电话", "热线", "咨询电话", "打给"));
        return m;
    }
}
