package io.walletrecon.statements;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes a parser reads, watched on the way: a NUL byte (0x00) is refused naming its line (no text format we
 * read has one, and PostgreSQL text cannot hold it), an archive that expands beyond the limit is refused, and a
 * damaged archive is reported as the file's fault rather than as a server error. Lines are counted as
 * {@link java.io.BufferedReader} counts them (LF, CRLF or CR), which is valid for every charset we read: UTF-8,
 * GBK and the ISO-8859/windows-125x family never use 0x0A, 0x0D or 0x00 inside a multi-byte character.
 */
final class GuardedInputStream extends FilterInputStream {

    private final long limit;
    private final String archive;
    private long read;
    private long line = 1;
    private boolean afterCr;

    /**
     * @param limit the most bytes the stream may yield
     * @param archive "GZIP", "ZIP" or null: what to call the container when its bytes cannot be read
     */
    GuardedInputStream(InputStream in, long limit, String archive) {
        super(in);
        this.limit = limit;
        this.archive = archive;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = in.read(b, off, len);
        } catch (IOException e) {
            if (archive == null) {
                throw e;
            }
            throw new StatementFormatException(line,
                    "the " + archive + " archive is damaged or truncated (" + e.getMessage() + ")");
        }
        if (n <= 0) {
            return n;
        }
        read += n;
        if (read > limit) {
            throw new StatementFormatException(line,
                    "the " + (archive == null ? "file" : archive + " archive's content") + " is larger than "
                            + limit / (1024 * 1024) + " MiB");
        }
        for (int i = off; i < off + n; i++) {
            byte c = b[i];
            if (c == '\n') {
                if (!afterCr) {
                    line++;
                }
                afterCr = false;
            } else if (c == '\r') {
                line++;
                afterCr = true;
            } else {
                afterCr = false;
                if (c == 0) {
                    throw new StatementFormatException(line,
                            "contains a NUL byte (0x00), which no statement or bill text has; "
                                    + "the file is damaged or not a text file (UTF-16 text must be saved as UTF-8)");
                }
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        byte[] buffer = new byte[8192];
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
