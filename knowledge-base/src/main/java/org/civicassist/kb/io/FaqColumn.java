package org.civicassist.kb.io;

import java.util.List;

/**
 * The fields of a FAQ as columns of a spreadsheet, with the header names offices use for them. The first name is the
 * one written on export.
 */
public enum FaqColumn {
    ID(false, "编号", "id", "问题编号", "faq编号"),
    DOMAIN(false, "所属领域", "domain", "领域", "分类", "类别", "业务领域"),
    QUESTION(true, "问题", "question", "标准问题", "常见问题", "标准问法"),
    SIMILAR(false, "相似问法", "similar", "相似问题", "相似问", "其他问法"),
    ANSWER(true, "答案", "answer", "回答", "标准答案", "答复", "解答"),
    GUIDE(false, "关联指南", "guide", "指南编号", "关联指南编号", "办事指南");

    private final boolean required;
    private final List<String> headerNames;

    FaqColumn(boolean required, String... headerNames) {
        this.required = required;
        this.headerNames = List.of(headerNames);
    }

    /** Whether every sheet must have this column (a FAQ is nothing without a question and an answer). */
    public boolean required() {
        return required;
    }

    /** Header names recognised without configuration, compared after {@link #normalizeHeader}. */
    public List<String> headerNames() {
        return headerNames;
    }

    /** The header written on export. */
    public String defaultHeader() {
        return headerNames.get(0);
    }

    /**
     * Header cells as typed by people: {@code " 问题 * "}, {@code "Question"}, {@code "答案（必填）"} all name the same
     * column.
     */
    static String normalizeHeader(String header) {
        String s = java.text.Normalizer.normalize(header, java.text.Normalizer.Form.NFKC)
                .replaceAll("[\\s\\u00A0\\u3000]+", "")
                .toLowerCase(java.util.Locale.ROOT);
        s = s.replaceAll("\\((必填|选填|可选|optional|required)\\)$", "");
        return s.replaceAll("[*:：]+$", "").replaceAll("^[*]+", "");
    }
}
