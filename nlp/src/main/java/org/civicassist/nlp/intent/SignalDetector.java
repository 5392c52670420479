package org.civicassist.nlp.intent;

import org.civicassist.nlp.lexicon.SourceLine;
import org.civicassist.nlp.lexicon.WordListFile;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Intent signals from cue families ({@code signals.txt}): asks for a person, complaint, anger, urgent personal
 * hardship, emergencies, and small talk.
 *
 * <p>File format: sections named after a {@link Signal} ({@code [HUMAN_REQUEST]}, {@code [EMERGENCY_FIRE]} …), each
 * line a cue in {@link CueMatcher} syntax, plus modifier sections:
 * <ul>
 *   <li>{@code [NEGATION]} — a cue right after one of these words does not count (不用转人工, 不是要投诉);</li>
 *   <li>{@code [HYPOTHETICAL]} — an emergency cue after one of these in the same sentence does not count
 *       (如果着火了 …);</li>
 *   <li>{@code [NOT_A_CUE]} — a cue overlapping one of these phrases does not count (凭什么 in 凭什么证件领取, 救命 in
 *       救命钱): exceptions to a cue family without giving the family up;</li>
 *   <li>{@code [NOT_AN_EMERGENCY]} — when any of these is in the message it asks about a service after the event
 *       (救助, 报销, 认定 …), so no emergency is raised: "房子着火烧没了 能申请什么救助" needs an answer, not 119;</li>
 *   <li>{@code [ASKS_WHERE_TO_TURN]} — when any of these is in the message it asks which office or line takes a
 *       problem (噪音扰民找哪个部门, 这种能打12345吗): a service question, so no {@link Signal#COMPLAINT} is raised
 *       (a request for a person, anger or hardship still is);</li>
 *   <li>{@code [SMALL_TALK_FILLER]} — words ignored when deciding whether a message is only small talk.</li>
 * </ul>
 * {@link Signal#GREETING}, {@link Signal#THANKS} and {@link Signal#GOODBYE} are raised only when the message says
 * (nearly) nothing else: at most {@value #SMALL_TALK_RESIDUE} letters left after removing small talk and fillers.
 * {@link Signal#ABUSIVE} and {@link Signal#PERSONAL_DATA} come from other detectors and have no section.
 */
public final class SignalDetector {

    static final int SMALL_TALK_RESIDUE = 2;

    private static final Set<Signal> SMALL_TALK = EnumSet.of(Signal.GREETING, Signal.THANKS, Signal.GOODBYE);
    private static final Set<Signal> NOT_FROM_CUES = EnumSet.of(Signal.ABUSIVE, Signal.PERSONAL_DATA);

    private enum Modifier { NEGATION, HYPOTHETICAL, NOT_A_CUE, NOT_AN_EMERGENCY, ASKS_WHERE_TO_TURN, SMALL_TALK_FILLER }

    private final CueMatcher<Signal> cues;
    private final CueMatcher<Modifier> modifiers;

    private SignalDetector(CueMatcher<Signal> cues, CueMatcher<Modifier> modifiers) {
        this.cues = cues;
        this.modifiers = modifiers;
    }

    /** Parses a signals file; an unknown section name is an error (with its line). */
    public static SignalDetector parse(List<SourceLine> lines, UnaryOperator<String> normalize) {
        Map<Signal, List<SourceLine>> signalCues = new LinkedHashMap<>();
        Map<Modifier, List<SourceLine>> modifierCues = new LinkedHashMap<>();
        for (WordListFile.Section section : WordListFile.sections(lines).values()) {
            String name = section.name();
            Signal signal = enumOrNull(Signal.class, name);
            Modifier modifier = enumOrNull(Modifier.class, name);
            if (signal != null && !NOT_FROM_CUES.contains(signal)) {
                signalCues.put(signal, section.lines());
            } else if (modifier != null) {
                modifierCues.put(modifier, section.lines());
            } else {
                throw section.header().error("unknown section; expected a signal raised by cues or one of "
                        + List.of(Modifier.values()));
            }
        }
        return new SignalDetector(CueMatcher.compile(signalCues, normalize), CueMatcher.compile(modifierCues, normalize));
    }

    public static SignalDetector none() {
        return new SignalDetector(CueMatcher.empty(), CueMatcher.empty());
    }

    /** Signals cued in normalised text. */
    public Set<Signal> detect(String text) {
        Set<Signal> signals = EnumSet.noneOf(Signal.class);
        List<CueMatcher.Match<Signal>> found = cues.findAll(text);
        if (found.isEmpty()) {
            return signals;
        }
        List<CueMatcher.Match<Modifier>> mods = modifiers.findAll(text);
        boolean afterTheEvent = mods.stream().anyMatch(m -> m.label() == Modifier.NOT_AN_EMERGENCY);
        boolean asksWhereToTurn = mods.stream().anyMatch(m -> m.label() == Modifier.ASKS_WHERE_TO_TURN);
        List<CueMatcher.Match<?>> smallTalk = new ArrayList<>();
        for (CueMatcher.Match<Signal> m : found) {
            Signal s = m.label();
            if (SMALL_TALK.contains(s)) {
                smallTalk.add(m);
            } else if (negated(m, mods)) {
                continue;
            } else if (s == Signal.COMPLAINT && asksWhereToTurn) {
                continue;
            } else if (s.isEmergency()) {
                if (!afterTheEvent && !hypothetical(text, m, mods)) {
                    signals.add(s);
                }
            } else {
                signals.add(s);
            }
        }
        if (!smallTalk.isEmpty() && residue(text, smallTalk, mods) <= SMALL_TALK_RESIDUE) {
            smallTalk.forEach(m -> signals.add((Signal) m.label()));
        }
        return signals;
    }

    /** Right after a negation, or part of a phrase that is not a cue. */
    private static boolean negated(CueMatcher.Match<Signal> cue, List<CueMatcher.Match<Modifier>> mods) {
        for (CueMatcher.Match<Modifier> m : mods) {
            if (m.label() == Modifier.NEGATION && m.end() == cue.start()
                    || m.label() == Modifier.NOT_A_CUE && m.start() < cue.end() && cue.start() < m.end()) {
                return true;
            }
        }
        return false;
    }

    private static boolean hypothetical(String text, CueMatcher.Match<Signal> cue,
                                        List<CueMatcher.Match<Modifier>> mods) {
        for (CueMatcher.Match<Modifier> m : mods) {
            if (m.label() == Modifier.HYPOTHETICAL && m.end() <= cue.start() && sameSentence(text, m.end(), cue.start())) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameSentence(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (CueMatcher.isSentenceEnd(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Letters and digits not covered by small talk or filler. */
    private static int residue(String text, List<CueMatcher.Match<?>> smallTalk, List<CueMatcher.Match<Modifier>> mods) {
        boolean[] covered = new boolean[text.length()];
        for (CueMatcher.Match<?> m : smallTalk) {
            java.util.Arrays.fill(covered, m.start(), m.end(), true);
        }
        for (CueMatcher.Match<Modifier> m : mods) {
            if (m.label() == Modifier.SMALL_TALK_FILLER) {
                java.util.Arrays.fill(covered, m.start(), m.end(), true);
            }
        }
        int left = 0;
        for (int i = 0; i < text.length(); i++) {
            if (!covered[i] && Character.isLetterOrDigit(text.charAt(i))) {
                left++;
            }
        }
        return left;
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
