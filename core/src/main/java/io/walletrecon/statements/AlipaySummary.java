package io.walletrecon.statements;

import io.walletrecon.money.Money;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The summary file that comes with an Alipay bill in its zip ({@code ..._业务明细(汇总).csv},
 * {@code ..._账务明细(汇总).csv}): {@code #} lines, a header row, one row per store (门店) or business type and a
 * 合计 (total) row. The totals are the 合计 row, or the sum of the rows when there is none. A bill checks the
 * columns it knows against what its own rows add up to; a summary naming none of them is refused, since it would
 * check nothing. Errors name the summary's line, prefixed with the summary file's name.
 */
final class AlipaySummary {

    private final String name;
    private final Map<String, BigDecimal> totals;
    private final long line;

    private AlipaySummary(String name, Map<String, BigDecimal> totals, long line) {
        this.name = name;
        this.totals = totals;
        this.line = line;
    }

    static String header(String s) {
        return s.strip().replace("\uFEFF", "").replaceAll("[（(][+\\-]?元[）)]", "");
    }

    static AlipaySummary parse(String name, String text) {
        List<String> header = null;
        Map<String, BigDecimal> sums = new HashMap<>();
        Map<String, BigDecimal> total = null;
        long lineNo = 0;
        long totalLine = 0;
        for (String raw : text.split("\r\n|\r|\n", -1)) {
            lineNo++;
            String s = raw.replace("\uFEFF", "").strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            List<String> cells;
            try {
                cells = Csv.split(s);
            } catch (IllegalArgumentException e) {
                throw new StatementFormatException(lineNo, name + ": " + e.getMessage());
            }
            if (header == null) {
                header = cells.stream().map(AlipaySummary::header).toList();
                continue;
            }
            Map<String, BigDecimal> row = new HashMap<>();
            for (int i = 0; i < header.size() && i < cells.size(); i++) {
                String v = cells.get(i).strip();
                if (v.matches("[+-]?\\d{1,15}(\\.\\d{1,4})?")) {
                    row.put(header.get(i), new BigDecimal(v));
                }
            }
            if (cells.get(0).strip().equals("合计") || cells.get(0).strip().equals("总计")) {
                total = row;
                totalLine = lineNo;
            } else {
                row.forEach((k, v) -> sums.merge(k, v, BigDecimal::add));
                totalLine = totalLine == 0 ? lineNo : totalLine;
            }
        }
        if (header == null) {
            throw new StatementFormatException(1, name + ": the summary has no table");
        }
        return new AlipaySummary(name, total != null ? total : sums, Math.max(1, totalLine));
    }

    /**
     * @param counts row counts of the bill by summary column (交易订单总笔数 ...)
     * @param amounts column sums of the bill in minor units by summary column (商家实收 ...)
     */
    void check(Map<String, Long> counts, Map<String, Long> amounts, String currency) {
        Set<String> known = new java.util.HashSet<>(counts.keySet());
        known.addAll(amounts.keySet());
        if (known.stream().noneMatch(totals::containsKey)) {
            throw new StatementFormatException(line,
                    name + ": none of the totals " + String.join(", ", known.stream().sorted().toList())
                            + " is in the summary");
        }
        counts.forEach((column, actual) -> {
            BigDecimal declared = totals.get(column);
            if (declared != null && declared.compareTo(BigDecimal.valueOf(actual)) != 0) {
                throw new StatementFormatException(line,
                        name + ": " + column + " is " + declared.toPlainString() + " but the bill has " + actual);
            }
        });
        amounts.forEach((column, actual) -> {
            BigDecimal declared = totals.get(column);
            if (declared != null
                    && Amounts.minor(declared.toPlainString(), currency, line, name + " " + column) != actual) {
                throw new StatementFormatException(line,
                        name + ": " + column + " is " + declared.toPlainString() + " but the bill's rows add up to "
                                + Money.ofMinor(actual, currency).toDecimalString());
            }
        });
    }
}
