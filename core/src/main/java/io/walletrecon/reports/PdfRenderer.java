package io.walletrecon.reports;

import java.io.OutputStream;
import java.util.List;

/**
 * Renders a printable statement. An interface because the PDF library uses java.awt, which a native image supports
 * only partly: a native build can swap in another implementation (or leave PDF to the JVM-based server).
 */
public interface PdfRenderer {

    /** A statement to print: the summary tables and the detail rows, already computed by SQL. */
    record Document(String companyName, String title, String subject, String period, List<Table> summaries,
            Table detail) {
    }

    void render(Document document, OutputStream out);
}
