package io.walletrecon.statements;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Charset detection for uploaded text files: a UTF-8 BOM (skipped), else strict UTF-8 if the first megabyte
 * decodes as UTF-8, else GBK (what Alipay and Chinese banks export). Line endings need nothing here:
 * {@link BufferedReader#readLine()} accepts LF, CRLF and CR.
 */
public final class TextDecoding {

    public static final Charset GBK = Charset.forName("GBK");
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
        // A cut in the middle of a multi-byte character at the end of the sniffed head is not an error.
        int end = length;
        if (length == head.length) {
            int back = 0;
            while (back < 4 && end > 0 && (head[end - 1] & 0xC0) == 0x80) {
                end--;
                back++;
            }
            if (end > 0 && (head[end - 1] & 0xC0) == 0xC0) {
                end--;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, end));
            return new Detected(StandardCharsets.UTF_8, 0);
        } catch (CharacterCodingException e) {
            return new Detected(GBK, 0);
        }
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
