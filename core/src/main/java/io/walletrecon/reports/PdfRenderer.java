package io.walletrecon.reports;

import io.walletrecon.console.Language;

import java.io.OutputStream;
import java.util.List;

/**
 * Renders a printable statement. An interface because the PDF library uses java.awt, which a native image supports
 * only partly: a native build can swap in another implementation (or leave PDF to the JVM-based server).
 */
public interface PdfRenderer {

    /**
     * A statement to print: the summary tables and the detail rows, already computed by SQL. Table and column names
     * are keys the renderer prints as {@link ReportLabels} in {@code language}; with {@code sideBySide} the first two
     * summaries stand next to each other (the two columns of a bank reconciliation statement).
     */
    record Document(String companyName, String title, String subject, String period, List<Table> summaries,
            Table detail, Language language, boolean sideBySide) {

        /** A statement in English. */
        public Document(String companyName, String title, String subject, String period, List<Table> summaries,
                Table detail) {
            this(companyName, title, subject, period, summaries, detail, Language.EN, false);
        }

        public Document(String companyName, String title, String subject, String period, List<Table> summaries,
                Table detail, Language language) {
            this(companyName, title, subject, period, summaries, detail, language, false);
        }
    }

    void render(Document document, OutputStream out);
}
