package org.civicassist.kb.io;

import org.civicassist.kb.model.Faq;

import java.util.List;

/**
 * The FAQs read from a spreadsheet, with where each came from, and the validation report. Rows with errors are not
 * among the FAQs.
 */
public record FaqImport(List<ImportedFaq> rows, ValidationReport report) {

    /**
     * @param source      the row it was read from
     * @param generatedId whether the id was derived from the question because the sheet had none
     */
    public record ImportedFaq(Faq faq, SheetLocation source, boolean generatedId) {
    }

    public FaqImport {
        rows = List.copyOf(rows);
    }

    /** The imported FAQs in sheet order, ready for {@link FaqJsonl#write}. */
    public List<Faq> faqs() {
        return rows.stream().map(ImportedFaq::faq).toList();
    }
}
