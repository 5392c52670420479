package org.civicassist.kb.io;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What an import found.
 *
 * @param source   the file name
 * @param rowsRead non-blank data rows read (headers and blank rows not counted)
 * @param imported FAQs imported
 * @param issues   problems in sheet order; an error means its row was not imported
 */
public record ValidationReport(String source, int rowsRead, int imported, List<ValidationIssue> issues) {

    public ValidationReport {
        issues = List.copyOf(issues);
    }

    public List<ValidationIssue> errors() {
        return issues.stream().filter(i -> i.severity() == ValidationIssue.Severity.ERROR).toList();
    }

    public List<ValidationIssue> warnings() {
        return issues.stream().filter(i -> i.severity() == ValidationIssue.Severity.WARNING).toList();
    }

    public boolean hasErrors() {
        return !errors().isEmpty();
    }

    public List<ValidationIssue> issuesOf(ValidationIssue.Kind kind) {
        return issues.stream().filter(i -> i.kind() == kind).toList();
    }

    /** A summary line, then one line per issue: what a maintainer reads to fix the sheet. */
    public String render() {
        String summary = source + ": " + rowsRead + " row(s) read, " + imported + " FAQ(s) imported, "
                + errors().size() + " error(s), " + warnings().size() + " warning(s)";
        if (issues.isEmpty()) {
            return summary + "\n";
        }
        return summary + "\n" + issues.stream()
                .map(i -> String.format("%-7s %s: %s", i.severity(), i.location(), i.message()))
                .collect(Collectors.joining("\n")) + "\n";
    }
}
