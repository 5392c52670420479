package org.civicassist.assistant.staff;

import org.civicassist.assistant.staff.StaffViews.ConversationView;
import org.civicassist.assistant.staff.StaffViews.EntryView;
import org.civicassist.assistant.staff.StaffViews.Export;

import java.util.Map;

/**
 * A conversation export as a printable, self-contained HTML page (no script, no external resource; every value
 * escaped), for a formal complaint file.
 */
final class ConversationExportPage {

    private static final Map<String, String> AUTHORS = Map.of("citizen", "市民", "assistant", "智能助手",
            "staff", "工作人员", "system", "系统");

    private ConversationExportPage() {
    }

    static String render(Export export) {
        ConversationView c = export.conversation();
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<title>会话记录 ").append(esc(c.conversationId())).append("</title>")
                .append("<style>body{font-family:sans-serif;max-width:48rem;margin:2rem auto;line-height:1.6}")
                .append("table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.3rem .5rem;")
                .append("text-align:left;vertical-align:top}th{width:9rem}.m{white-space:pre-wrap}")
                .append("@media print{body{margin:0}}</style></head><body>\n")
                .append("<h1>政务智能助手 会话记录</h1>\n<table>\n");
        row(h, "会话编号", c.conversationId());
        row(h, "状态", c.state());
        row(h, "开始时间", c.createdAt());
        row(h, "渠道", c.channel());
        row(h, "转人工原因", c.reason());
        row(h, "问题", c.question());
        row(h, "接待人员", c.staffName() == null ? null : c.staffName() + "（" + c.staff() + "）");
        row(h, "接入时间", c.claimedAt());
        row(h, "结束时间", c.closedAt());
        row(h, "处理结果", c.resolution());
        row(h, "联系方式", c.contact());
        row(h, "评价", c.rating() == null ? null : c.rating() + " / 5");
        row(h, "导出人", export.exportedByName() + "（" + export.exportedBy() + "）");
        row(h, "导出时间", export.exportedAt());
        h.append("</table>\n<h2>对话</h2>\n<table>\n<tr><th>时间</th><th>发言</th><th>内容</th></tr>\n");
        for (EntryView e : c.messages()) {
            String who = AUTHORS.getOrDefault(e.author(), e.author())
                    + (e.staffName() == null ? "" : "（" + e.staffName() + "）");
            h.append("<tr><td>").append(esc(e.at())).append("</td><td>").append(esc(who))
                    .append("</td><td class=\"m\">").append(esc(e.text()));
            if (Boolean.FALSE.equals(e.useful())) {
                h.append("<br>〔市民评价：没有帮助〕");
            }
            h.append("</td></tr>\n");
        }
        h.append("</table>\n<p>市民发送的身份证号、电话号码等个人信息在保存前已被遮盖（*）。</p>\n</body></html>\n");
        return h.toString();
    }

    private static void row(StringBuilder h, String label, String value) {
        if (value != null) {
            h.append("<tr><th>").append(label).append("</th><td>").append(esc(value)).append("</td></tr>\n");
        }
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
