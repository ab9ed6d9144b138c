package io.walletrecon.statements;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the {@code #} lines of an Alipay bill (business or account-flow) say: the Alipay account and the period. */
final class AlipayPreamble {

    private static final Pattern ACCOUNT = Pattern.compile("#账号：\\[?(\\d{1,64})\\]?");
    private static final Pattern PERIOD = Pattern
            .compile("起始日期：\\[(\\d{4})年(\\d{2})月(\\d{2})日.*"
                    + "终止日期：\\[(\\d{4})年(\\d{2})月(\\d{2})日\\s*(\\d{2}:\\d{2}:\\d{2})?");

    String account;
    LocalDate periodStart;
    LocalDate periodEnd;

    void read(String hashLine, long lineNo) {
        Matcher m = ACCOUNT.matcher(hashLine);
        if (m.find()) {
            account = m.group(1);
        }
        m = PERIOD.matcher(hashLine);
        if (m.find()) {
            try {
                periodStart = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
                periodEnd = LocalDate.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        Integer.parseInt(m.group(6)));
                // an end at midnight ("终止日期：[2026年03月02日 00:00:00]") is exclusive: the bill ends the day before
                if ("00:00:00".equals(m.group(7)) && periodEnd.isAfter(periodStart)) {
                    periodEnd = periodEnd.minusDays(1);
                }
            } catch (DateTimeException e) {
                throw new StatementFormatException(lineNo, "the period is not a date");
            }
        }
    }
}
