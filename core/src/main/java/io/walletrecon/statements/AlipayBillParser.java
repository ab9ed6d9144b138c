package io.walletrecon.statements;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alipay merchant business bill ({@code ..._业务明细.csv}): usually GBK; {@code #} lines above the table (account,
 * period) and below it (totals such as {@code #交易合计：2笔}); values often carry a trailing tab; amounts in yuan
 * with 服务费 (the fee) negative; times without an offset (the account's zone). The declared trade and refund counts must
 * match the
 * rows. Downloaded as a zip, the bill comes with its summary ({@code ..._业务明细(汇总).csv}): its 合计 row's trade
 * and refund counts, 商家实收 (received) and 服务费 (fee) totals must equal the detail rows' ({@link AlipaySummary}).
 */
public class AlipayBillParser implements StatementParser {

    private final AlipaySummary summary;

    public AlipayBillParser() {
        this(null);
    }

    private AlipayBillParser(AlipaySummary summary) {
        this.summary = summary;
    }

    @Override
    public StatementParser withSummary(String name, String text) {
        return new AlipayBillParser(AlipaySummary.parse(name, text));
    }

    private static final UnaryOperator<String> HEADER = s -> s.strip().replace("\uFEFF", "").replace("（元）", "")
            .replace("(元)", "");
    private static final UnaryOperator<String> VALUE = String::strip;
    private static final Pattern COUNT = Pattern.compile("#(交易|退款)合计：(\\d{1,9})笔");
    private static final Pattern PARTY = Pattern.compile("^(.*?)\\((.+)\\)$");

    @Override
    public String format() {
        return "alipay";
    }

    @Override
    public boolean detects(String head) {
        return head.contains("支付宝交易号") || head.startsWith("#支付宝业务");
    }

    @Override
    public void parse(InputStream in, Charset charset, AccountZones zones, StatementSink sink) {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
            AlipayPreamble preamble = new AlipayPreamble();
            Columns c = null;
            boolean tableEnded = false;
            long trades = 0;
            long refunds = 0;
            long received = 0;
            long fees = 0;
            String currency = "CNY";
            int lineNo = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                String s = line.replace("\uFEFF", "");
                if (s.isBlank()) {
                    continue;
                }
                if (s.startsWith("#")) {
                    if (c != null) {
                        tableEnded = true;
                    }
                    preamble.read(s, lineNo);
                    Matcher m = COUNT.matcher(s);
                    if (m.find()) {
                        long declared = Long.parseLong(m.group(2));
                        long actual = m.group(1).equals("交易") ? trades : refunds;
                        if (declared != actual) {
                            throw new StatementFormatException(lineNo, "#" + m.group(1) + "合计 declares " + declared
                                    + " rows but the table has " + actual);
                        }
                    }
                    continue;
                }
                if (tableEnded) {
                    throw new StatementFormatException(lineNo, "a detail row after the end of the table");
                }
                List<String> v = Csv.cells(s, lineNo);
                if (c == null) {
                    c = new Columns(v, lineNo, HEADER);
                    for (String required : List.of("支付宝交易号", "商户订单号", "业务类型", "完成时间", "订单金额")) {
                        c.require(required);
                    }
                    continue;
                }
                if (v.size() < c.size() - 1) {
                    throw new StatementFormatException(lineNo,
                            "has " + v.size() + " values, the header names " + c.size() + " columns");
                }
                String txn = c.get(v, VALUE, "支付宝交易号");
                if (txn == null) {
                    throw new StatementFormatException(lineNo, "支付宝交易号 (trade number) is empty");
                }
                String type = String.valueOf(c.get(v, VALUE, "业务类型"));
                String time = c.get(v, VALUE, "完成时间");
                LocalDate date = WechatPayBillParser.date(time == null ? c.get(v, VALUE, "创建时间") : time, lineNo);
                long amount = Amounts.minor(required(c.get(v, VALUE, "订单金额"), lineNo, "订单金额"), currency, lineNo,
                        "订单金额 (order amount)");
                String fee = c.get(v, VALUE, "服务费");
                Long feeMinor = fee == null ? null : -Amounts.minor(fee, currency, lineNo, "服务费 (fee)");
                String receivedText = c.get(v, VALUE, "商家实收");
                received = Amounts.add(received,
                        receivedText == null ? 0 : Amounts.minor(receivedText, currency, lineNo, "商家实收 (received)"),
                        lineNo);
                fees = Amounts.add(fees, feeMinor == null ? 0 : -feeMinor, lineNo);
                String kind;
                String key;
                String refundBatch = c.get(v, VALUE, "退款批次号/请求号");
                switch (type) {
                    case "交易" -> {
                        kind = "payment";
                        key = "alipay:" + txn;
                        trades++;
                    }
                    case "退款" -> {
                        kind = "refund";
                        key = "alipay-refund:" + txn + "/" + (refundBatch == null ? lineNo : refundBatch);
                        amount = -Math.abs(amount);
                        refunds++;
                    }
                    default -> {
                        kind = "adjustment";
                        key = "alipay-" + type + ":" + txn + "/" + lineNo;
                    }
                }
                String party = c.get(v, VALUE, "对方账户");
                String partyName = party;
                String partyAccount = null;
                if (party != null) {
                    Matcher pm = PARTY.matcher(party);
                    if (pm.matches()) {
                        partyName = Amounts.emptyToNull(pm.group(1));
                        partyAccount = pm.group(2);
                    }
                }
                sink.line(new StatementLine(lineNo, key, kind, date, date, amount, feeMinor, currency, partyName,
                        partyAccount, refundBatch, null, txn, c.get(v, VALUE, "商户订单号"), null,
                        WechatPayBillParser.join(c.get(v, VALUE, "商品名称"), c.get(v, VALUE, "备注")), line, null,
                        kind.equals("refund") ? ProviderIds.of(ProviderIds.OUT_REQUEST_NO, refundBatch) : null));
            }
            if (c == null) {
                throw new StatementFormatException(Math.max(1, lineNo),
                        "no detail table (the header row with 支付宝交易号 is missing)");
            }
            if (summary != null) {
                summary.check(Map.of("交易订单总笔数", trades, "退款订单总笔数", refunds), Map.of("商家实收", received, "服务费", fees),
                        currency);
            }
            sink.statement(StatementHeader.bill("alipay", preamble.account, currency, preamble.periodStart,
                    preamble.periodEnd));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String required(String value, long line, String what) {
        if (value == null) {
            throw new StatementFormatException(line, what + " is empty");
        }
        return value;
    }

}
