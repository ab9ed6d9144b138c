package io.walletrecon.nativeimage;

import com.lowagie.text.pdf.BaseFont;
import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;

import java.io.UnsupportedEncodingException;
import java.util.Map;

/**
 * Native image only (GraalVM reads {@code @TargetClass} while building; the JVM never loads this class): OpenPDF's
 * optional glyph path through Apache FOP ({@code FontDetails.convertToBytes} → {@code FopGlyphProcessor}) references
 * FOP classes we do not ship, which fails the build ("Discovered unresolved type during parsing:
 * org.apache.fop.complexscripts.util.GlyphSequence"). Reporting FOP as absent takes OpenPDF's own fallback, the same
 * path the JVM takes when FOP is not on the class path. {@code NativeImageSupportTest} checks that these methods
 * still exist in the OpenPDF we build with.
 */
@TargetClass(className = "com.lowagie.text.pdf.FopGlyphProcessor")
final class FopGlyphProcessorSubstitution {

    private FopGlyphProcessorSubstitution() {
    }

    @Substitute
    public static boolean isFopSupported() {
        return false;
    }

    @Substitute
    public static byte[] convertToBytesWithGlyphs(BaseFont font, String text, String fileName,
            Map<Integer, int[]> longTag, String language) throws UnsupportedEncodingException {
        throw new UnsupportedEncodingException(
                "glyph substitution through Apache FOP is not part of this native image");
    }
}
