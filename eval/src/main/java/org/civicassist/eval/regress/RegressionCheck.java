package org.civicassist.eval.regress;

import org.civicassist.eval.report.JsonReport;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Verifies a report against a regression file: one {@code [OK]} or {@code [FAIL]} line per check. */
public final class RegressionCheck {

    private RegressionCheck() {
    }

    public record Line(boolean ok, String text) {
        @Override
        public String toString() {
            return (ok ? "[OK]   " : "[FAIL] ") + text;
        }
    }

    public static List<Line> verify(RegressionFile file, JsonNode report) {
        List<Line> lines = new ArrayList<>();
        for (RegressionFile.Check c : file.checks()) {
            Double v = JsonReport.read(report, c.metric());
            String label = file.name() + " " + c.metric();
            if (v == null) {
                lines.add(new Line(false, label + " is missing from the report"));
                continue;
            }
            if (c.min() != null) {
                lines.add(new Line(v >= c.min() - 1e-9, String.format(Locale.ROOT, "%s %.3f >= %.3f", label, v, c.min())));
            }
            if (c.max() != null) {
                lines.add(new Line(v <= c.max() + 1e-9, String.format(Locale.ROOT, "%s %.3f <= %.3f", label, v, c.max())));
            }
            String key = c.metric().substring(c.metric().lastIndexOf('.') + 1);
            for (String baseline : c.beats()) {
                Double b = JsonReport.read(report, "baselines." + baseline + "." + key);
                lines.add(new Line(b != null && v > b, String.format(Locale.ROOT, "%s %.3f > %s %s", label, v,
                        baseline, b == null ? "missing" : String.format(Locale.ROOT, "%.3f", b))));
            }
        }
        return lines;
    }
}
