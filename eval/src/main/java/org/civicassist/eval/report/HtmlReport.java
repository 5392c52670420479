package org.civicassist.eval.report;

import org.civicassist.eval.evaluation.Evaluation;
import org.civicassist.eval.score.Calibration;
import org.civicassist.eval.score.DialogueMetrics;
import org.civicassist.eval.score.Metrics;
import org.civicassist.eval.score.QuestionResult;
import org.civicassist.eval.score.RunMetrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * report.html: self-contained (inline CSS and SVG, no script, nothing fetched): metrics against the baselines,
 * per-domain bars, the latency distribution, the calibration of the confidence per question style (reliability
 * charts and the ECE/Brier table) and the failure table.
 */
public final class HtmlReport {

    private static final String[] COLOURS = {"#1f5fa8", "#c8642a", "#5b8c3a", "#7a4d9e"};

    private HtmlReport() {
    }

    public static String render(Evaluation e) {
        Map<String, RunMetrics> systems = MarkdownReport.systems(e);
        RunMetrics m = systems.get("assistant");
        List<String> keys = List.copyOf(m.figures().keySet());

        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>Evaluation: ")
                .append(esc(e.name())).append("</title><style>")
                .append("body{font-family:'Noto Sans CJK SC','Noto Sans SC',sans-serif;margin:2rem;color:#1a1a1a;max-width:1100px}")
                .append("table{border-collapse:collapse;margin:1rem 0;font-size:14px}td,th{border:1px solid #bbb;padding:4px 8px;text-align:left}")
                .append("th{background:#eef2f7}.num{text-align:right}h2{margin-top:2rem}.legend span{display:inline-block;margin-right:1rem}")
                .append(".sw{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:middle}")
                .append(".rel{display:inline-block;margin:0 1rem 1rem 0;vertical-align:top}")
                .append("</style></head><body>");
        h.append("<h1>Evaluation: ").append(esc(e.name())).append("</h1><p>KB <code>").append(esc(e.kb()))
                .append("</code> · questions <code>").append(esc(e.questions())).append("</code> · ")
                .append(esc(e.environment().getOrDefault("machine", ""))).append("</p>");
        h.append("<p>").append(headline(m)).append(String.format(Locale.ROOT, " · latency p50 %.1f ms, p99 %.1f ms "
                        + "· index build %.1f s</p>", m.latencyMs().p50(), m.latencyMs().p99(),
                e.buildMillis() / 1000.0));

        h.append("<h2>Metrics against baselines</h2>").append(legend(systems.keySet().stream().toList()));
        h.append(metricBars(keys, systems));
        h.append("<table><tr><th>metric</th>");
        systems.keySet().forEach(s -> h.append("<th>").append(esc(s)).append("</th>"));
        h.append("</tr>");
        for (String key : keys) {
            h.append("<tr><td>").append(key).append("</td>");
            for (RunMetrics sm : systems.values()) {
                Double v = JsonReport.read(JsonReport.metrics(sm), key);
                h.append("<td class=\"num\">").append(v == null ? "–" : String.format(Locale.ROOT, "%.3f", v))
                        .append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table><p>").append(esc(MarkdownReport.baselineNote(e))).append("</p>");

        h.append("<h2>Per domain (share handled)</h2>").append(domainBars(Metrics.byDomain(e.results().replies())));
        h.append("<h2>Latency distribution</h2>").append(latencyHistogram(e.results().replies(), m));

        h.append("<h2>Calibration per question style</h2>").append(calibration(e));

        h.append("<h2>Failures</h2><table><tr><th>id</th><th>question</th><th>expected</th><th>cited</th>")
                .append("<th>reply</th><th>confidence</th><th>one click</th></tr>");
        for (QuestionResult r : e.results().replies()) {
            if (!r.handled()) {
                h.append("<tr><td>").append(esc(r.question().id())).append("</td><td>")
                        .append(esc(String.join(" / ", r.question().turns()))).append("</td><td>")
                        .append(esc(String.join(", ", r.question().expect()))).append("</td><td>")
                        .append(esc(r.outcome().citations().isEmpty() ? "" : r.outcome().citations().get(0).key()))
                        .append("</td><td>").append(esc(r.outcome().type())).append("</td><td class=\"num\">")
                        .append(String.format(Locale.ROOT, "%.2f", r.outcome().confidence())).append("</td><td>")
                        .append(esc(MarkdownReport.oneClick(r))).append("</td></tr>");
            }
        }
        h.append("</table></body></html>\n");
        return h.toString();
    }

    /** The figures that matter most, in words: for questions resolution first, for dialogues turn resolution. */
    private static String headline(RunMetrics m) {
        if (m instanceof DialogueMetrics d) {
            return String.format(Locale.ROOT, "Turn resolution <b>%s</b> · dialogues resolved "
                            + "<b>%s</b> · context turns kept <b>%s</b> · wrong-answer rate <b>%s</b> · %d dialogues, "
                            + "%d turns", pct(d.turnResolution()), pct(d.dialoguesResolved()),
                    pct(d.contextTurnsKept()), pct(d.wrongAnswerRate()), d.counts().get("dialogues"),
                    d.counts().get("turns"));
        }
        Metrics q = (Metrics) m;
        return String.format(Locale.ROOT, "Resolution <b>%s</b> · within one click <b>%s</b> · clarify rate %s · "
                        + "wrong-answer rate <b>%s</b> · %d questions", pct(q.resolution()),
                pct(q.resolvedWithinOneClick()), pct(q.clarifyRate()), pct(q.wrongAnswerRate()),
                q.counts().get("questions"));
    }

    private static String metricBars(List<String> keys, Map<String, RunMetrics> systems) {
        int group = 22 * systems.size() + 14;
        int height = keys.size() * group + 10;
        StringBuilder s = new StringBuilder(svgOpen(760, height, "metrics against baselines"));
        int y = 5;
        for (String key : keys) {
            s.append(text(0, y + group / 2.0, key, "start"));
            int i = 0;
            for (Map.Entry<String, RunMetrics> sys : systems.entrySet()) {
                Double v = JsonReport.read(JsonReport.metrics(sys.getValue()), key);
                double w = v == null ? 0 : v * 480;
                s.append(String.format(Locale.ROOT, "<rect x=\"180\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"%s\"/>",
                        y + i * 22, w, COLOURS[i % COLOURS.length]));
                s.append(text(186 + w, y + i * 22 + 13, v == null ? "–" : String.format(Locale.ROOT, "%.3f", v),
                        "start"));
                i++;
            }
            y += group;
        }
        return s.append("</svg>").toString();
    }

    private static String domainBars(Map<String, Map<String, Object>> domains) {
        int height = domains.size() * 24 + 10;
        StringBuilder s = new StringBuilder(svgOpen(760, height, "share handled per domain"));
        int y = 5;
        for (Map.Entry<String, Map<String, Object>> d : domains.entrySet()) {
            Object handled = d.getValue().get("handled");
            double v = handled instanceof Number n ? n.doubleValue() : 0;
            s.append(text(0, y + 14, d.getKey() + " (" + d.getValue().get("questions") + ")", "start"));
            s.append(String.format(Locale.ROOT, "<rect x=\"180\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"%s\"/>",
                    y, v * 480, COLOURS[0]));
            s.append(text(186 + v * 480, y + 14, String.format(Locale.ROOT, "%.3f", v), "start"));
            y += 24;
        }
        return s.append("</svg>").toString();
    }

    private static String latencyHistogram(List<QuestionResult> results, RunMetrics m) {
        double[] ms = results.stream().mapToDouble(r -> r.outcome().latencyNanos() / 1e6).sorted().toArray();
        if (ms.length == 0) {
            return "<p>no latencies</p>";
        }
        double max = Math.max(1, Metrics.percentile(ms, 99) * 1.2);
        int bins = 30;
        int[] counts = new int[bins];
        for (double v : ms) {
            counts[Math.min(bins - 1, (int) (v / max * bins))]++;
        }
        int peak = 1;
        for (int c : counts) {
            peak = Math.max(peak, c);
        }
        StringBuilder s = new StringBuilder(svgOpen(760, 220, "latency histogram"));
        double bw = 680.0 / bins;
        for (int i = 0; i < bins; i++) {
            double h = counts[i] * 170.0 / peak;
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                    40 + i * bw, 180 - h, bw - 2, h, COLOURS[0]));
        }
        for (double[] mark : new double[][] {{m.latencyMs().p50(), 50}, {m.latencyMs().p95(), 95},
                {m.latencyMs().p99(), 99}}) {
            double x = 40 + Math.min(1, mark[0] / max) * 680;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"10\" x2=\"%.1f\" y2=\"180\" stroke=\"#c8642a\" "
                    + "stroke-dasharray=\"4 3\"/>", x, x));
            s.append(text(x + 3, 22, String.format(Locale.ROOT, "p%.0f %.1f ms", mark[1], mark[0]), "start"));
        }
        s.append(text(40, 200, "0 ms", "start")).append(text(720, 200,
                String.format(Locale.ROOT, "%.0f ms", max), "end"));
        return s.append("</svg>").toString();
    }

    /** The ECE/Brier table, then a reliability chart per style. */
    static String calibration(Evaluation e) {
        Map<String, Calibration> styles = JsonReport.calibrations(e);
        StringBuilder h = new StringBuilder("<p>").append(esc(MarkdownReport.calibrationNote(e))).append("</p>");
        h.append("<table><tr><th>style</th><th>replies</th><th>ECE</th><th>Brier</th></tr>");
        styles.forEach((style, c) -> h.append("<tr><td>").append(esc(style)).append("</td><td class=\"num\">")
                .append(c.count()).append("</td><td class=\"num\">").append(MarkdownReport.figure(c.ece()))
                .append("</td><td class=\"num\">").append(MarkdownReport.figure(c.brier())).append("</td></tr>"));
        h.append("</table><p class=\"legend\"><span><i class=\"sw\" style=\"background:").append(COLOURS[0])
                .append("\"></i>observed accuracy per confidence bin (n = replies in the bin)</span>")
                .append("<span><i class=\"sw\" style=\"background:").append(COLOURS[1])
                .append("\"></i>mean confidence of the bin</span><span>dashed: perfect calibration</span></p>");
        styles.values().forEach(c -> h.append("<div class=\"rel\">").append(reliabilityChart(c)).append("</div>"));
        return h.toString();
    }

    /**
     * One style's reliability chart: per confidence bin a bar of observed accuracy (empty bins drawn as nothing), a
     * tick at the bin's mean confidence, and the diagonal of perfect calibration.
     */
    static String reliabilityChart(Calibration c) {
        int size = 200;
        int left = 40;
        int top = 36;
        double bw = (double) size / Calibration.BINS;
        String label = String.format(Locale.ROOT, "reliability chart of %s: observed accuracy per confidence bin "
                + "against perfect calibration; %d replies, ECE %s, Brier %s", c.style(), c.count(),
                MarkdownReport.figure(c.ece()), MarkdownReport.figure(c.brier()));
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\" font-size=\"11\"><title>%s</title>",
                left + size + 20, top + size + 40, esc(label), esc(label)));
        s.append(text(left, 14, String.format(Locale.ROOT, "%s · n %d · ECE %s", c.style(), c.count(),
                MarkdownReport.figure(c.ece())), "start"));
        int bottom = top + size;
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#888\"/>", left, top, size, size));
        for (Calibration.Bin b : c.bins()) {
            if (b.count() == 0) {
                continue;
            }
            double x = left + b.lower() * size;
            double h = b.accuracy() * size;
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                            + "fill=\"%s\" fill-opacity=\"0.85\"><title>confidence %.1f–%.1f: %d replies, mean "
                            + "confidence %.3f, observed accuracy %.3f</title></rect>", x + 1, bottom - h, bw - 2, h,
                    COLOURS[0], b.lower(), b.upper(), b.count(), b.meanConfidence(), b.accuracy()));
            double ty = bottom - b.meanConfidence() * size;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                    + "stroke=\"%s\" stroke-width=\"2\"/>", x + 1, ty, x + bw - 1, ty, COLOURS[1]));
            s.append(text(x + bw / 2, bottom - h - 3, String.valueOf(b.count()), "middle"));
        }
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\" "
                + "stroke-dasharray=\"4 3\"/>", left, bottom, left + size, top));
        for (int i = 0; i <= 2; i++) {
            double v = i / 2.0;
            s.append(text(left + v * size, bottom + 14, String.format(Locale.ROOT, "%.1f", v), "middle"));
            s.append(text(left - 4, bottom - v * size + 4, String.format(Locale.ROOT, "%.1f", v), "end"));
        }
        s.append(text(left + size / 2.0, bottom + 30, "confidence", "middle"));
        s.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%.1f\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 12 %.1f)\">accuracy</text>", top + size / 2.0, top + size / 2.0));
        return s.append("</svg>").toString();
    }

    private static String legend(List<String> names) {
        StringBuilder s = new StringBuilder("<p class=\"legend\">");
        for (int i = 0; i < names.size(); i++) {
            s.append("<span><i class=\"sw\" style=\"background:").append(COLOURS[i % COLOURS.length])
                    .append("\"></i>").append(esc(names.get(i))).append("</span>");
        }
        return s.append("</p>").toString();
    }

    private static String svgOpen(int w, int h, String label) {
        return String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "role=\"img\" aria-label=\"%s\" font-size=\"12\">", w, h, esc(label));
    }

    private static String text(double x, double y, String t, String anchor) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>", x, y, anchor,
                esc(t));
    }

    private static String pct(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.1f %%", v * 100);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
