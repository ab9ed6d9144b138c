package io.walletrecon.reports;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The one font of every PDF the product renders: Noto Sans CJK SC (SIL OFL 1.1, licence beside it in OFL.txt), cut
 * to GBK, Latin and punctuation by {@code bin/make-cjk-font}, so Chinese names, memos and labels print in every
 * viewer. Its outlines are TrueType (converted from the CFF original by the same script): OpenPDF's subset of a
 * CID-keyed CFF font keeps only the glyphs of its first font dictionary, so Chinese text was extractable but drawn as
 * nothing. Embedded with {@code Identity-H} and subset: a PDF carries only the glyphs it uses (a one-page statement
 * stays a few dozen kilobytes). Read from the class path at run time, never from the system (Lambda has no fonts),
 * and only once: the parsed font is shared by every document (OpenPDF keeps the glyphs used per document).
 */
public final class PdfFonts {

    static final String RESOURCE = "io/walletrecon/reports/fonts/NotoSansCJKsc-Regular-GBK.ttf";

    private static volatile BaseFont base;

    private PdfFonts() {
    }

    /** The embedded font; loaded on first use, never in a static initialiser (native images build those). */
    public static BaseFont base() {
        BaseFont b = base;
        if (b == null) {
            synchronized (PdfFonts.class) {
                b = base;
                if (b == null) {
                    b = load();
                    base = b;
                }
            }
        }
        return b;
    }

    /** The font at {@code size} points; bold is drawn by stroking the outline (one file, no second face). */
    public static Font font(float size, boolean bold) {
        return new Font(base(), size, bold ? Font.BOLD : Font.NORMAL);
    }

    private static BaseFont load() {
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("font " + RESOURCE + " is not on the class path");
            }
            byte[] bytes = in.readAllBytes();
            BaseFont font = BaseFont.createFont("NotoSansCJKsc-Regular-GBK.ttf", BaseFont.IDENTITY_H,
                    BaseFont.EMBEDDED, false, bytes, null);
            font.setSubset(true);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException("font " + RESOURCE + " cannot be read", e);
        }
    }
}
