package io.walletrecon.statements;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * WeChat Pay trade bill ({@code /v3/bill/tradebill}, ALL, SUCCESS or REFUND): a Chinese header row, every value
 * prefixed with a backtick, amounts in yuan, times without an offset (the account's zone); the last two lines are a
 * totals
 * header ({@code 总交易单数,...}) and a totals row. Columns are read by name: they differ by bill type and coupon
 * mode. The declared number of rows and the refund total must equal what the detail rows add up to. The bill API
 * may deliver it GZIP'd; {@link StatementSource} opens the archive. A refund row names the refunded payment
 * (微信订单号, the line's provider transaction id) and the refund (微信退款单号, 商户退款单号, kept in the line's
 * details, {@link ProviderIds}): refund notifications are keyed by the refund id.
 */
public class WechatPayBillParser implements StatementParser {

    private static final UnaryOperator<String> HEADER = s -> s.strip().replace("\uFEFF", "");
    /** A WeChat Pay bill value: stripped of its leading backtick. */
    static final UnaryOperator<String> VALUE = s -> {
        String t = s.strip();
        return t.startsWith("`") ? t.substring(1).strip() : t;
    };
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Override
    public boolean statesPeriod() {
        return false;
    }

    @Override
    public String format() {
        return "wechatpay";
    }

    @Override
    public boolean detects(String head) {
        String first = head.lines().findFirst().orElse("");
        return first.contains("交易时间") && first.contains("微信订单号");
    }

    @Override
    public void parse(InputStream in, Charset charset, AccountZones zones, StatementSink sink) {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
            String headerLine = Csv.headerLine(reader);
            Columns c = new Columns(Csv.split(headerLine), 1, HEADER);
            for (String required : List.of("交易时间", "微信订单号", "商户订单号", "交易状态", "货币种类")) {
                c.require(required);
            }
            c.require("应结订单金额", "订单金额", "总金额");
            long rows = 0;
            long refundTotal = 0;
            String currency = null;
            LocalDate first = null;
            LocalDate last = null;
            int lineNo = 1;
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                if (line.strip().startsWith("总交易单数")) {
                    Columns totals = new Columns(Csv.split(line), lineNo, HEADER);
                    String totalsLine = reader.readLine();
                    lineNo++;
                    if (totalsLine == null) {
                        throw new StatementFormatException(lineNo, "the totals header is not followed by a totals row");
                    }
                    List<String> t = Csv.cells(totalsLine, lineNo);
                    checkTotal(totals.get(t, VALUE, "总交易单数"), rows, lineNo, "总交易单数 (number of rows)", null);
                    if (currency != null) {
                        checkTotal(totals.get(t, VALUE, "退款总金额"), refundTotal, lineNo, "退款总金额 (refund total)",
                                currency);
                    }
                    String rest;
                    while ((rest = reader.readLine()) != null) {
                        lineNo++;
                        if (!rest.isBlank()) {
                            throw new StatementFormatException(lineNo, "unexpected content after the totals row");
                        }
                    }
                    sink.statement(StatementHeader.bill("wechatpay", null, currency, first, last));
                    return;
                }
                List<String> v = Csv.cells(line, lineNo);
                if (v.size() < c.size() - 1) {
                    throw new StatementFormatException(lineNo,
                            "has " + v.size() + " values, the header names " + c.size() + " columns");
                }
                rows++;
                String lineCurrency = Amounts.currency(String.valueOf(c.get(v, VALUE, "货币种类")), lineNo);
                currency = currency == null ? lineCurrency : currency;
                LocalDate date = date(c.get(v, VALUE, "交易时间"), lineNo);
                first = first == null || date.isBefore(first) ? date : first;
                last = last == null || date.isAfter(last) ? date : last;
                String txn = c.get(v, VALUE, "微信订单号");
                if (txn == null) {
                    throw new StatementFormatException(lineNo, "微信订单号 (transaction id) is empty");
                }
                String orderNo = c.get(v, VALUE, "商户订单号");
                String status = String.valueOf(c.get(v, VALUE, "交易状态"));
                String fee = c.get(v, VALUE, "手续费");
                Long feeMinor = fee == null ? null : Amounts.minor(fee, lineCurrency, lineNo, "手续费 (fee)");
                String memo = join(c.get(v, VALUE, "商品名称"), c.get(v, VALUE, "商户数据包"));
                String openid = c.get(v, VALUE, "用户标识");
                switch (status) {
                    case "SUCCESS" -> {
                        long amount = Amounts.minor(
                                required(c.get(v, VALUE, "应结订单金额", "订单金额", "总金额"), lineNo, "应结订单金额"),
                                lineCurrency, lineNo, "应结订单金额 (settlement amount)");
                        sink.line(new StatementLine(lineNo, "wechatpay:" + txn, "payment", date, date, amount, feeMinor,
                                lineCurrency,
                                null, openid, null, null, txn, orderNo, null, memo, line));
                    }
                    case "REFUND" -> {
                        String refundId = c.get(v, VALUE, "微信退款单号");
                        if (refundId == null) {
                            throw new StatementFormatException(lineNo, "微信退款单号 (refund id) is empty on a REFUND row");
                        }
                        long refund = Amounts.minor(required(c.get(v, VALUE, "退款金额"), lineNo, "退款金额"), lineCurrency,
                                lineNo, "退款金额 (refund amount)");
                        refundTotal += refund;
                        String outRefundNo = c.get(v, VALUE, "商户退款单号");
                        sink.line(new StatementLine(lineNo, "wechatpay-refund:" + refundId, "refund", date, date,
                                -refund, feeMinor, lineCurrency, null, openid, outRefundNo, null, txn, orderNo, null,
                                memo, line, null, ProviderIds.of(ProviderIds.REFUND_ID, refundId,
                                        ProviderIds.OUT_REFUND_NO, outRefundNo)));
                    }
                    case "REVOKED" -> sink.line(
                            new StatementLine(lineNo, "wechatpay-revoked:" + txn, "adjustment", date, date, 0, feeMinor,
                                    lineCurrency, null, openid, null, null, txn, orderNo, null, memo, line));
                    default -> throw new StatementFormatException(lineNo,
                            "交易状态 (status) '" + status + "' is not SUCCESS, REFUND or REVOKED");
                }
            }
            throw new StatementFormatException(lineNo,
                    "the bill ends without its totals section (总交易单数 ...): the file is truncated");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void checkTotal(String declared, long actual, long line, String what, String currency) {
        if (declared == null) {
            return;
        }
        long expected = currency == null ? parseCount(declared, line) : Amounts.minor(declared, currency, line, what);
        if (expected != actual) {
            throw new StatementFormatException(line, what + " declares " + declared + " but the rows add up to "
                    + (currency == null
                            ? String.valueOf(actual)
                            : io.walletrecon.money.Money.ofMinor(actual, currency).toDecimalString()));
        }
    }

    private static long parseCount(String s, long line) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new StatementFormatException(line, "'" + s + "' is not a number of rows");
        }
    }

    static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + " | " + b;
    }

    private static String required(String value, long line, String what) {
        if (value == null) {
            throw new StatementFormatException(line, what + " is empty");
        }
        return value;
    }

    /**
     * Bill times carry no offset: they are local times of the account's zone (accounts.time_zone, Asia/Shanghai for a
     * merchant account in China), so the business date is the date written.
     */
    static LocalDate date(String value, long line) {
        if (value == null) {
            throw new StatementFormatException(line, "the time is empty");
        }
        try {
            return LocalDateTime.parse(value, TIME).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new StatementFormatException(line, "'" + value + "' is not a time (yyyy-MM-dd HH:mm:ss)");
        }
    }
}
