package org.civicassist.kb.rank;

import org.civicassist.nlp.intent.Aspect;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which guide section headings answer which aspect of a question. The defaults are the headings of the shared KB
 * format (事项简介, 申请材料, 办理时限 …); a KB with other headings supplies its own map.
 */
public final class SectionAspects {

    private final Map<Aspect, Set<String>> headings;

    public SectionAspects(Map<Aspect, Set<String>> headings) {
        this.headings = new EnumMap<>(headings);
    }

    public static SectionAspects defaults() {
        Map<Aspect, Set<String>> m = new EnumMap<>(Aspect.class);
        m.put(Aspect.OVERVIEW, Set.of("事项简介"));
        m.put(Aspect.ELIGIBILITY, Set.of("办理对象"));
        m.put(Aspect.CONDITIONS, Set.of("办理条件"));
        m.put(Aspect.MATERIALS, Set.of("申请材料"));
        m.put(Aspect.PROCESS, Set.of("办理流程"));
        m.put(Aspect.ONLINE, Set.of("办理流程"));
        m.put(Aspect.TIME_LIMIT, Set.of("办理时限"));
        m.put(Aspect.FEES, Set.of("收费标准"));
        m.put(Aspect.PLACE_AND_HOURS, Set.of("办理地点与时间"));
        m.put(Aspect.CONTACT, Set.of("咨询电话"));
        m.put(Aspect.PROGRESS, Set.of("办理流程"));
        return new SectionAspects(m);
    }

    public Set<String> headingsFor(Aspect aspect) {
        return headings.getOrDefault(aspect, Set.of());
    }

    /** The first heading answering the aspect that the given headings contain, if any. */
    public java.util.Optional<String> sectionFor(Aspect aspect, List<String> available) {
        Set<String> wanted = headingsFor(aspect);
        return available.stream().filter(wanted::contains).findFirst();
    }
}
