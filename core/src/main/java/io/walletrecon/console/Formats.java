package io.walletrecon.console;

import io.quarkus.qute.TemplateExtension;
import io.walletrecon.money.Money;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How pages show amounts and dates, in the page's language: money from minor units with its currency's real
 * exponent ({@link Money}, never a double), grouped digits and the currency code (CNY 1,288.80; JPY 1,000), dates
 * as 2026年11月1日 or 1 Nov 2026, instants in UTC.
 */
@TemplateExtension
public final class Formats {

    private static final DateTimeFormatter DATE_ZH = DateTimeFormatter.ofPattern("yyyy年M月d日",
            Locale.SIMPLIFIED_CHINESE);
    private static final DateTimeFormatter DATE_EN = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);

    private Formats() {
    }

    /**
     * {@code {amountMinor.money(currency)}}: the amount with its currency's decimals and grouping, e.g. CNY 1,288.80;
     * empty when there is no amount.
     */
    public static String money(Long minorUnits, String currency) {
        return minorUnits == null ? "" : currency + " " + amount(minorUnits, currency);
    }

    /** The amount alone with grouping and exactly the currency's decimals: 1,288.80. */
    static String amount(long minorUnits, String currency) {
        Money money = Money.ofMinor(minorUnits, currency);
        BigDecimal value = money.toDecimal();
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMinimumFractionDigits(money.exponent());
        format.setMaximumFractionDigits(money.exponent());
        return format.format(value);
    }

    /** {@code {date.date}}: 2026年11月1日 in Chinese, 1 Nov 2026 in English (the page's locale). */
    public static String date(LocalDate date, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        if (date == null) {
            return "";
        }
        return (locale instanceof Locale l && isChinese(l) ? DATE_ZH : DATE_EN).format(date);
    }

    /** An instant in UTC, minutes precision (the same in both languages). */
    public static String time(OffsetDateTime at) {
        return at == null ? "" : TIME.format(at.withOffsetSameInstant(ZoneOffset.UTC));
    }

    public static String time(Instant at) {
        return at == null ? "" : TIME.format(at.atOffset(ZoneOffset.UTC));
    }

    /**
     * {@code {q.urlEncoded}}: a value inside a link's query string (a name with {@code &} or spaces stays one value).
     */
    public static String urlEncoded(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static boolean isChinese(Locale locale) {
        return locale != null && locale.getLanguage().equals("zh");
    }
}
