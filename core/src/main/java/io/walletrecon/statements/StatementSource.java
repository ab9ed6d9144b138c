package io.walletrecon.statements;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The text an upload holds, as providers deliver it: the file itself, a GZIP'd file (WeChat Pay bills), or a ZIP
 * holding one bill and optionally its summary (Alipay: {@code ..._业务明细.csv} with {@code ..._业务明细(汇总).csv};
 * entry names in GBK unless the archive flags UTF-8). Streams are opened afresh for each read and never yield more
 * than the expansion limit.
 */
final class StatementSource implements AutoCloseable {

    private static final int GZIP_MAGIC = 0x1F8B;
    private static final int ZIP_MAGIC = 0x504B0304;
    private static final long SUMMARY_LIMIT = 1 << 20;

    private final Path file;
    private final long limit;
    private final ZipFile zip;
    private final ZipEntry detail;
    private final ZipEntry summary;
    private final String kind;

    private StatementSource(Path file, long limit, String kind, ZipFile zip, ZipEntry detail, ZipEntry summary) {
        this.file = file;
        this.limit = limit;
        this.kind = kind;
        this.zip = zip;
        this.detail = detail;
        this.summary = summary;
    }

    static StatementSource open(Path file, long limit) {
        int magic;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(4);
            magic = b.length < 4
                    ? 0
                    : ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (magic >>> 16 == GZIP_MAGIC) {
            return new StatementSource(file, limit, "GZIP", null, null, null);
        }
        if (magic == ZIP_MAGIC) {
            return openZip(file, limit);
        }
        return new StatementSource(file, limit, null, null, null, null);
    }

    private static StatementSource openZip(Path file, long limit) {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile(), TextDecoding.GBK);
        } catch (ZipException e) {
            throw new StatementFormatException(1, "the ZIP archive cannot be read (" + e.getMessage() + ")");
        } catch (java.io.EOFException e) {
            // its directory points beyond the end of the file: a damaged or cut-off download
            throw new StatementFormatException(1, "the ZIP archive cannot be read (it ends early)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ZipEntry> details = new ArrayList<>();
        List<ZipEntry> summaries = new ArrayList<>();
        for (ZipEntry e : Collections.list(zip.entries())) {
            if (e.isDirectory() || e.getName().startsWith("__MACOSX/")) {
                continue;
            }
            (e.getName().contains("汇总") ? summaries : details).add(e);
        }
        if (details.size() != 1 || summaries.size() > 1) {
            close(zip);
            throw new StatementFormatException(1, "the ZIP archive holds " + details.size() + " bill file(s) and "
                    + summaries.size()
                    + " summary file(s); one bill (with at most one summary, such as ..._业务明细.csv and ..._业务明细(汇总).csv) is expected: "
                    + String.join(", ", Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList()));
        }
        return new StatementSource(file, limit, "ZIP", zip, details.get(0),
                summaries.isEmpty() ? null : summaries.get(0));
    }

    /** The text, decompressed; a NUL byte, a damaged archive or content beyond the limit is a format error. */
    InputStream open() {
        try {
            InputStream raw = switch (kind == null ? "" : kind) {
                case "GZIP" -> new GZIPInputStream(Files.newInputStream(file), 1 << 16);
                case "ZIP" -> zip.getInputStream(detail);
                default -> Files.newInputStream(file);
            };
            return new BufferedInputStream(new GuardedInputStream(raw, limit, kind), 1 << 16);
        } catch (ZipException e) {
            throw new StatementFormatException(1, "the " + kind + " archive cannot be read (" + e.getMessage() + ")");
        } catch (IOException e) {
            if (kind != null) {
                throw new StatementFormatException(1,
                        "the " + kind + " archive cannot be read (" + e.getMessage() + ")");
            }
            throw new UncheckedIOException(e);
        }
    }

    /** The first bytes of the text, for charset and format detection. */
    byte[] head(int size) {
        try (InputStream in = open()) {
            return in.readNBytes(size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name of the bill inside an archive, or null for a plain file. */
    String innerName() {
        return detail == null ? null : detail.getName();
    }

    String summaryName() {
        return summary == null ? null : summary.getName();
    }

    /** The summary file's bytes (at most 1 MiB), or null when the archive has none. */
    byte[] summary() {
        if (summary == null) {
            return null;
        }
        try (InputStream in = new GuardedInputStream(zip.getInputStream(summary), SUMMARY_LIMIT, "ZIP")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new StatementFormatException(1,
                    "the summary " + summary.getName() + " cannot be read (" + e.getMessage() + ")");
        }
    }

    @Override
    public void close() {
        if (zip != null) {
            close(zip);
        }
    }

    private static void close(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // nothing was written; the temp file is deleted by the caller
        }
    }
}
