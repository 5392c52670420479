package org.civicassist.kb.load;

import java.util.List;
import java.util.stream.Collectors;

/** The knowledge base could not be loaded; {@link #problems()} says where and why. */
public class KbLoadException extends RuntimeException {

    private final transient List<KbProblem> problems;

    public KbLoadException(String source, List<KbProblem> problems) {
        super("knowledge base " + source + " has " + problems.size() + " problem(s):\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<KbProblem> problems() {
        return problems;
    }
}
