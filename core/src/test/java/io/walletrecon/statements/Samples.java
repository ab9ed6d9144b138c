package io.walletrecon.statements;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Statement samples under src/test/resources/statements, written after the formats' published specifications. */
public final class Samples {

    private Samples() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/statements/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name, Charset charset) {
        return new String(bytes(name), charset);
    }

    /** Parses with charset detection exactly as the import service does. */
    static Parsed parse(StatementParser parser, byte[] file, ZoneId zone) {
        return parse(parser, file, AccountZones.fixed(zone));
    }

    /** Parses with charset detection, each statement's times in the zone {@code zones} gives its account. */
    static Parsed parse(StatementParser parser, byte[] file, AccountZones zones) {
        TextDecoding.Detected d = TextDecoding.detect(file, Math.min(file.length, TextDecoding.SNIFF));
        List<StatementLine> lines = new ArrayList<>();
        List<StatementHeader> statements = new ArrayList<>();
        ByteArrayInputStream in = new ByteArrayInputStream(file, d.bomLength(), file.length - d.bomLength());
        parser.parse(in, d.charset(), zones, new StatementSink() {
            @Override
            public void line(StatementLine line) {
                lines.add(line);
            }

            @Override
            public void statement(StatementHeader header) {
                statements.add(header);
            }
        });
        return new Parsed(statements, lines);
    }

    static Parsed parse(StatementParser parser, String file) {
        return parse(parser, file.getBytes(StandardCharsets.UTF_8), ZoneId.of("Asia/Shanghai"));
    }

    record Parsed(List<StatementHeader> statements, List<StatementLine> lines) {

        /** The file's only statement. */
        StatementHeader header() {
            if (statements.size() != 1) {
                throw new AssertionError("expected one statement, got " + statements.size());
            }
            return statements.get(0);
        }
    }
}
