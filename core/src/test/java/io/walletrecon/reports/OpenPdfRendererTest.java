package io.walletrecon.reports;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every PDF embeds a subset of the CJK font: Chinese names and labels come back out of the file and show on the page.
 */
class OpenPdfRendererTest {

    private static byte[] pdf;

    @BeforeAll
    static void render() {
        List<Column> columns = List.of(Column.date("日期"), Column.text("对方单位"), Column.text("currency"),
                Column.money("金额"));
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[]{java.time.LocalDate.of(2026, 3, 5), "上海示例贸易有限公司", "CNY", 1_234_550L});
        rows.add(new Object[]{java.time.LocalDate.of(2026, 3, 9), "Globex Ltd", "CNY", -2_10L});
        Table figures = new Table("figures", List.of(Column.text("currency"), Column.money("期初余额")),
                List.<Object[]>of(new Object[]{"CNY", 100_000L}));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new OpenPdfRenderer().render(new PdfRenderer.Document("示例集团", "对账单 Statement", "工商银行 icbc-cny",
                "2026-03-01 – 2026-03-31", List.of(figures), new Table("明细", columns, rows)), out);
        pdf = out.toByteArray();
    }

    @Test
    void chineseNamesAndLabelsAreTextInThePdf() throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("上海示例贸易有限公司"), text);
            assertTrue(text.contains("对账单 Statement"), text);
            assertTrue(text.contains("期初余额"), text);
            assertTrue(text.contains("Globex Ltd"), text);
        }
    }

    @Test
    void theFontIsEmbeddedAsASubset() throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDFont> fonts = new ArrayList<>();
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                fonts.add(doc.getPage(0).getResources().getFont(name));
            }
            assertEquals(1, fonts.size(), "one font for all text");
            PDFont font = fonts.get(0);
            assertTrue(font.isEmbedded(), font.getName());
            // A subset's name starts with six capital letters and a plus (ISO 32000 9.6.4).
            assertTrue(font.getName().matches("[A-Z]{6}\\+NotoSansCJKsc-Regular.*"), font.getName());
        }
        assertTrue(pdf.length < 200_000, "a one-page statement carries only the glyphs it uses: " + pdf.length);
    }

    @Test
    void theFirstPageShowsInk() throws Exception {
        long dark = darkPixelsOfPageOne(pdf);
        assertTrue(dark > 1000, "dark pixels on page 1: " + dark);
    }

    @Test
    void chineseCharactersAreDrawnNotOnlyExtractable() throws Exception {
        // A page with Chinese text only: a font whose subset lost the glyphs still gives the text back, and draws nothing.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        com.lowagie.text.Document document = new com.lowagie.text.Document();
        com.lowagie.text.pdf.PdfWriter.getInstance(document, out);
        document.open();
        document.add(new com.lowagie.text.Paragraph("银行存款余额调节表 上海示例贸易有限公司 货款", PdfFonts.font(24, false)));
        document.close();
        long dark = darkPixelsOfPageOne(out.toByteArray());
        assertTrue(dark > 500, "dark pixels of the Chinese line: " + dark);
    }

    private static long darkPixelsOfPageOne(byte[] file) throws Exception {
        try (PDDocument doc = Loader.loadPDF(file)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 72);
            long dark = 0;
            for (int y = 0; y < page.getHeight(); y++) {
                for (int x = 0; x < page.getWidth(); x++) {
                    int rgb = page.getRGB(x, y);
                    int grey = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
                    if (grey < 128) {
                        dark++;
                    }
                }
            }
            return dark;
        }
    }
}
