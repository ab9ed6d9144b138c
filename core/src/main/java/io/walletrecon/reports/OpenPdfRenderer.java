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
import jakarta.enterprise.context.ApplicationScoped;

import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * PDF statements with OpenPDF: company name and period on top, the figures, the lines, and a footer on every page.
 * Every text is set in the embedded CJK font ({@link PdfFonts}), so Chinese names and labels print.
 */
@ApplicationScoped
public class OpenPdfRenderer implements PdfRenderer {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    @Override
    public void render(Document doc, OutputStream out) {
        com.lowagie.text.Document pdf = new com.lowagie.text.Document(PageSize.A4.rotate(), 36, 36, 36, 48);
        PdfWriter.getInstance(pdf, out);
        HeaderFooter footer = new HeaderFooter(new Phrase(doc.companyName() + " - " + doc.title() + " - " + doc.period()
                + " - generated " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " - page ",
                PdfFonts.font(8, false)), true);
        footer.setAlignment(Element.ALIGN_CENTER);
        footer.setBorder(Rectangle.TOP);
        pdf.setFooter(footer);
        pdf.open();
        pdf.add(new Paragraph(doc.companyName(), PdfFonts.font(16, true)));
        pdf.add(new Paragraph(doc.title(), PdfFonts.font(13, true)));
        Font normal = PdfFonts.font(10, false);
        pdf.add(new Paragraph(doc.subject(), normal));
        pdf.add(new Paragraph("Period: " + doc.period(), normal));
        for (Table t : doc.summaries()) {
            pdf.add(new Paragraph(" ", normal));
            pdf.add(t.rows().size() == 1 ? figures(t) : table(t));
        }
        pdf.add(new Paragraph(" ", normal));
        pdf.add(new Paragraph(doc.detail().name(), PdfFonts.font(11, true)));
        pdf.add(table(doc.detail()));
        pdf.close();
    }

    /** A one-row table printed as label: value lines, which is how statement figures read. */
    private static PdfPTable figures(Table t) {
        RowFormat f = new RowFormat(t.columns());
        Object[] row = t.rows().get(0);
        PdfPTable table = new PdfPTable(2);
        table.setWidthPercentage(60);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        Font font = PdfFonts.font(10, false);
        for (int i = 0; i < row.length; i++) {
            table.addCell(new Phrase(t.columns().get(i).name(), font));
            PdfPCell value = new PdfPCell(new Phrase(f.text(row, i), font));
            value.setHorizontalAlignment(Element.ALIGN_RIGHT);
            table.addCell(value);
        }
        return table;
    }

    private static PdfPTable table(Table t) {
        List<Column> columns = t.columns();
        RowFormat f = new RowFormat(columns);
        PdfPTable table = new PdfPTable(columns.size());
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        Font head = PdfFonts.font(8, true);
        Font font = PdfFonts.font(8, false);
        for (Column c : columns) {
            table.addCell(new Phrase(c.name(), head));
        }
        for (Object[] row : t.rows()) {
            for (int i = 0; i < row.length; i++) {
                PdfPCell cell = new PdfPCell(new Phrase(f.text(row, i), font));
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
