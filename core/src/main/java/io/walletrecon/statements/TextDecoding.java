package io.walletrecon.statements;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Charset detection for uploaded text files, from their first megabyte:
 * <ol>
 * <li>a UTF-8 BOM (skipped);</li>
 * <li>strict UTF-8 if it decodes (plain ASCII included);</li>
 * <li>GBK when the non-ASCII bytes pair up as GB2312 characters (lead and trail byte both 0xA1–0xFE), as Chinese
 * text does and European text almost never does (an accented letter there is one byte followed by ASCII);</li>
 * <li>else the single-byte charset under which the non-ASCII bytes read most like letters: windows-1252 (Western
 * Europe, ties go to it), ISO-8859-2 or windows-1250 (Central Europe). ISO-8859-x maps 0x80–0x9F to control
 * characters, so a file using those bytes is windows-125x; Polish ą ł ś ź read as symbols in windows-1252.</li>
 * </ol>
 * The uploader can name the charset ({@code ?charset=}) when the guess is wrong. Line endings need nothing here:
 * {@link BufferedReader#readLine()} accepts LF, CRLF and CR.
 */
public final class TextDecoding {

    public static final Charset GBK = Charset.forName("GBK");
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    static final Charset ISO_8859_2 = Charset.forName("ISO-8859-2");
    static final Charset WINDOWS_1250 = Charset.forName("windows-1250");
    static final int SNIFF = 1 << 20;

    private TextDecoding() {
    }

    /** The charset of a file whose head is {@code head}, and how many BOM bytes to skip. */
    public record Detected(Charset charset, int bomLength) {
    }

    public static Detected detect(byte[] head, int length) {
        if (length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return new Detected(StandardCharsets.UTF_8, 3);
        }
        if (decodes(StandardCharsets.UTF_8, head, length)) {
            return new Detected(StandardCharsets.UTF_8, 0);
        }
        if (looksLikeGbk(head, length) && decodes(GBK, head, length)) {
            return new Detected(GBK, 0);
        }
        return new Detected(mostLetters(head, length), 0);
    }

    /** Strict decoding; a character cut at the end of the sniffed head is not an error (the head may end anywhere). */
    private static boolean decodes(Charset charset, byte[] head, int length) {
        CharBuffer out = CharBuffer.allocate(length + 1);
        CoderResult r = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(head, 0, length), out, false);
        return !r.isError();
    }

    /** At least four in five double-byte characters lie in the GB2312 area (both bytes 0xA1–0xFE). */
    static boolean looksLikeGbk(byte[] b, int length) {
        int pairs = 0;
        int gb2312 = 0;
        for (int i = 0; i < length; i++) {
            int lead = b[i] & 0xFF;
            if (lead < 0x81) {
                continue;
            }
            if (i + 1 >= length) {
                break;
            }
            int trail = b[++i] & 0xFF;
            pairs++;
            if (lead >= 0xA1 && lead <= 0xFE && trail >= 0xA1 && trail <= 0xFE) {
                gb2312++;
            }
        }
        return pairs > 0 && gb2312 * 5 >= pairs * 4;
    }

    private static Charset mostLetters(byte[] head, int length) {
        Charset best = WINDOWS_1252;
        long bestScore = Long.MIN_VALUE;
        for (Charset c : List.of(WINDOWS_1252, ISO_8859_2, WINDOWS_1250)) {
            long score = letterScore(c, head, length);
            if (score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }

    private static long letterScore(Charset charset, byte[] head, int length) {
        CharBuffer chars;
        try {
            chars = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(head, 0, length));
        } catch (CharacterCodingException e) {
            return Long.MIN_VALUE;
        }
        long score = 0;
        for (int i = 0; i < chars.length(); i++) {
            char ch = chars.charAt(i);
            if (ch < 0x80) {
                continue;
            }
            if (ch == '\uFFFD' || Character.isISOControl(ch)) {
                score -= 5;
            } else if (Character.isLetter(ch)) {
                score += 1;
            } else {
                score -= 1;
            }
        }
        return score;
    }

    /** A reader of a UTF-8 stream, a leading BOM dropped (receivables files are ours: UTF-8 only). */
    public static BufferedReader utf8Reader(InputStream in) throws IOException {
        BufferedInputStream b = new BufferedInputStream(in, 1 << 16);
        b.mark(3);
        byte[] bom = b.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
            b.reset();
        }
        return new BufferedReader(new InputStreamReader(b, StandardCharsets.UTF_8), 1 << 16);
    }
}
