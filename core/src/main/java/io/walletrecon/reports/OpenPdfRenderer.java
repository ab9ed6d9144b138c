package io.walletrecon.reports;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.HeaderFooter;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.walletrecon.console.Language;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * PDF statements with OpenPDF: company name and period on top, the figures, the lines, and a footer on every page.
 * Every text is set in the embedded CJK font ({@link PdfFonts}), so Chinese names and labels print; column and table
 * names print as their {@link ReportLabels} in the document's language, amounts with thousands separators.
 */
@ApplicationScoped
public class OpenPdfRenderer implements PdfRenderer {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    @Override
    public void render(Document doc, OutputStream out) {
        Language lang = doc.language();
        com.lowagie.text.Document pdf = new com.lowagie.text.Document(PageSize.A4.rotate(), 36, 36, 36, 48);
        PdfWriter.getInstance(pdf, out);
        HeaderFooter footer = new HeaderFooter(new Phrase(doc.companyName() + " - " + doc.title() + " - " + doc.period()
                + " - " + ReportLabels.of("generated", lang) + " " + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                + " - " + ReportLabels.of("page", lang) + " ", PdfFonts.font(8, false)), true);
        footer.setAlignment(Element.ALIGN_CENTER);
        footer.setBorder(Rectangle.TOP);
        pdf.setFooter(footer);
        pdf.open();
        pdf.add(new Paragraph(doc.companyName(), PdfFonts.font(16, true)));
        pdf.add(new Paragraph(doc.title(), PdfFonts.font(13, true)));
        Font normal = PdfFonts.font(10, false);
        pdf.add(new Paragraph(doc.subject(), normal));
        pdf.add(new Paragraph(ReportLabels.of(doc.sideBySide() ? "asOf" : "period", lang) + ": " + doc.period(),
                normal));
        List<Table> summaries = doc.summaries();
        int next = 0;
        if (doc.sideBySide() && summaries.size() >= 2) {
            pdf.add(new Paragraph(" ", normal));
            pdf.add(sideBySide(figures(summaries.get(0), lang, 100), figures(summaries.get(1), lang, 100)));
            next = 2;
        }
        for (Table t : summaries.subList(next, summaries.size())) {
            pdf.add(new Paragraph(" ", normal));
            pdf.add(t.rows().size() == 1 ? figures(t, lang, 60) : table(t, lang));
        }
        pdf.add(new Paragraph(" ", normal));
        pdf.add(new Paragraph(ReportLabels.of(doc.detail().name(), lang), PdfFonts.font(11, true)));
        pdf.add(table(doc.detail(), lang));
        pdf.close();
    }

    private static PdfPTable sideBySide(PdfPTable left, PdfPTable right) {
        PdfPTable both = new PdfPTable(2);
        both.setWidthPercentage(100);
        PdfPCell l = new PdfPCell(left);
        l.setBorder(Rectangle.NO_BORDER);
        l.setPaddingRight(12);
        PdfPCell r = new PdfPCell(right);
        r.setBorder(Rectangle.NO_BORDER);
        r.setPaddingLeft(12);
        both.addCell(l);
        both.addCell(r);
        return both;
    }

    /** A one-row table printed as label: value lines, which is how statement figures read. */
    private static PdfPTable figures(Table t, Language lang, float widthPercent) {
        RowFormat f = new RowFormat(t.columns());
        Object[] row = t.rows().get(0);
        PdfPTable table = new PdfPTable(2);
        table.setWidthPercentage(widthPercent);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        Font font = PdfFonts.font(10, false);
        for (int i = 0; i < row.length; i++) {
            table.addCell(new Phrase(ReportLabels.of(t.columns().get(i).name(), lang), font));
            PdfPCell value = new PdfPCell(new Phrase(f.display(row, i), font));
            value.setHorizontalAlignment(Element.ALIGN_RIGHT);
            table.addCell(value);
        }
        return table;
    }

    private static PdfPTable table(Table t, Language lang) {
        List<Column> columns = t.columns();
        RowFormat f = new RowFormat(columns);
        PdfPTable table = new PdfPTable(columns.size());
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        Font head = PdfFonts.font(8, true);
        Font font = PdfFonts.font(8, false);
        for (Column c : columns) {
            table.addCell(new Phrase(ReportLabels.of(c.name(), lang), head));
        }
        for (Object[] row : t.rows()) {
            for (int i = 0; i < row.length; i++) {
                PdfPCell cell = new PdfPCell(new Phrase(f.display(row, i), font));
                Column.Kind kind = columns.get(i).kind();
                if (kind == Column.Kind.MONEY || kind == Column.Kind.INTEGER) {
                    cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                }
                table.addCell(cell);
            }
        }
        return table;
    }
}
