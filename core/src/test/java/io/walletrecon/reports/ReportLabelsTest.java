package io.walletrecon.reports;

import io.walletrecon.console.Language;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** People read labels, never field names: every column a report declares has one in English and in Chinese. */
class ReportLabelsTest {

    private static final Pattern COLUMN = Pattern
            .compile("\\b(?:text|money|date|integer|timestamp)\\(\"([A-Za-z]+)\"\\)");

    @Test
    void everyColumnOfEveryReportHasALabel() throws IOException {
        TreeSet<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/walletrecon/reports"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = COLUMN.matcher(Files.readString(p));
                while (m.find()) {
                    if (!ReportLabels.has(m.group(1))) {
                        missing.add(m.group(1));
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(), missing);
    }

    @Test
    void labelsSpeakTheLanguageAskedFor() {
        assertEquals("Opening balance", ReportLabels.of("openingBalance", Language.EN));
        assertEquals("期初余额", ReportLabels.of("openingBalance", Language.ZH_CN));
        assertEquals("未达账项以外的差额", ReportLabels.of("unexplainedDifference", Language.ZH_CN));
        assertEquals("Unmatched amount", ReportLabels.of("unmatchedAmount", Language.EN));
    }

    @Test
    void aKeyWithoutALabelPrintsAsItself() {
        assertEquals("somethingNew", ReportLabels.of("somethingNew", Language.ZH_CN));
    }
}
