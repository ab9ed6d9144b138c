package io.walletrecon.statements;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10,000 damaged variants of the valid samples through everything the import does before the database: archive,
 * charset and format detection, the parser, the per-line and per-statement checks. Each must be read or refused
 * with a {@link StatementFormatException} naming a line of the file; anything else (a NullPointerException, an
 * index or number error, an endless loop) would be a 500 in production. The same mutations go through HTTP in
 * {@code StatementFuzzApiTest}, which also proves that a refused file writes nothing.
 */
class StatementFuzzTest {

    static final int MUTATIONS = 10_000;

    @Test
    void damagedFilesAreReadOrRefusedNamingALineNeverAnythingElse() throws IOException {
        List<Mutations.Seed> seeds = Mutations.seeds();
        StatementParsers parsers = new StatementParsers();
        Random random = new Random(20261129L);
        Path file = Files.createTempFile("fuzz-", ".upload");
        int refused = 0;
        try {
            for (int i = 0; i < MUTATIONS; i++) {
                Mutations.Mutant m = Mutations.mutate(seeds.get(i % seeds.size()), random);
                Files.write(file, m.bytes());
                try {
                    parse(parsers, file);
                } catch (StatementFormatException e) {
                    refused++;
                    assertTrue(e.line() >= 1, m + ": line " + e.line());
                    assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), m + ": no message");
                } catch (RuntimeException | StackOverflowError e) {
                    throw new AssertionError("mutation " + i + " (" + m + ") failed with " + e, e);
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
        assertTrue(refused > MUTATIONS / 4, "damage is noticed: only " + refused + " refused");
    }

    /** What the import service does with an upload up to the staging table. */
    static int parse(StatementParsers parsers, Path file) {
        try (StatementSource source = StatementSource.open(file, 64L << 20)) {
            byte[] head = source.head(TextDecoding.SNIFF);
            if (head.length == 0) {
                throw new StatementFormatException(1, "the file is empty");
            }
            TextDecoding.Detected d = TextDecoding.detect(head, head.length);
            String text = new String(head, d.bomLength(),
                    Math.min(head.length, StatementImportService.HEAD + d.bomLength()) - d.bomLength(), d.charset());
            Optional<StatementParser> detected = parsers.detect(text);
            if (detected.isEmpty()) {
                throw new StatementFormatException(1, "not recognised");
            }
            StatementParser parser = detected.get();
            if (source.summaryName() != null) {
                byte[] summary = source.summary();
                TextDecoding.Detected sd = TextDecoding.detect(summary, summary.length);
                parser = parser.withSummary(source.summaryName(), new String(summary, sd.charset()));
            }
            List<Object[]> rows = new ArrayList<>();
            StagingSink sink = new StagingSink(rows::add, java.util.UUID.randomUUID(), parser.format());
            try (InputStream in = source.open()) {
                in.skipNBytes(d.bomLength());
                parser.parse(in, d.charset(), ZoneId.of("Asia/Shanghai"), sink);
            }
            int statements = sink.statements().size();
            if (statements == 0) {
                throw new StatementFormatException(1, "the file holds no statement");
            }
            return statements;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
