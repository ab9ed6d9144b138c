package io.walletrecon.statements;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * WeChat Pay fund-flow bill (资金账单, {@code /v3/bill/fundflowbill}, one day of one fund account): a Chinese header
 * row ({@code 记账时间, 微信支付业务单号, 资金流水单号, 业务名称, 业务类型, 收支类型, 收支金额(元), 账户结余(元), ...}),
 * every value prefixed with a backtick, times without an offset; the last two lines are a totals header
 * ({@code 资金流水总笔数, 收入笔数, 收入金额, 支出笔数, 支出金额}) and its row, which must equal what the rows add up to.
 * 账户结余 is the balance after each row: the bill's opening and closing balances come from it ({@link BalanceChain}),
 * so the account's reported balance is the provider's own.
 */
public class WechatPayFundFlowParser implements StatementParser {

    private static final String CURRENCY = "CNY";
    private static final UnaryOperator<String> HEADER = s -> s.strip().replace("\uFEFF", "").replace('（', '(')
            .replace('）', ')');
    private static final UnaryOperator<String> VALUE = WechatPayBillParser.VALUE;

    @Override
    public boolean statesPeriod() {
        return false;
    }

    @Override
    public String format() {
        return "wechatpay-flow";
    }

    @Override
    public boolean detects(String head) {
        String first = head.lines().findFirst().orElse("");
        return first.contains("记账时间") && first.contains("资金流水单号");
    }

    @Override
    public void parse(InputStream in, Charset charset, AccountZones zones, StatementSink sink) {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
            String headerLine = Csv.headerLine(reader);
            Columns c = new Columns(Csv.cells(headerLine, 1), 1, HEADER);
            for (String required : List.of("记账时间", "资金流水单号", "收支类型", "收支金额(元)", "账户结余(元)")) {
                c.require(required);
            }
            BalanceChain balances = new BalanceChain();
            long[] counts = new long[2];
            long[] sums = new long[2];
            LocalDate first = null;
            LocalDate last = null;
            int lineNo = 1;
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                if (line.strip().startsWith("资金流水总笔数")) {
                    Columns totals = new Columns(Csv.cells(line, lineNo), lineNo, HEADER);
                    checkTotals(reader, totals, lineNo + 1, counts, sums);
                    sink.statement(StatementHeader.bill(format(), null, CURRENCY, first, last, balances.opening(),
                            balances.closing()));
                    return;
                }
                List<String> v = Csv.cells(line, lineNo);
                if (v.size() < c.size() - 1) {
                    throw new StatementFormatException(lineNo,
                            "has " + v.size() + " values, the header names " + c.size() + " columns");
                }
                String flowId = c.get(v, VALUE, "资金流水单号");
                if (flowId == null) {
                    throw new StatementFormatException(lineNo, "资金流水单号 (fund-flow id) is empty");
                }
                String direction = String.valueOf(c.get(v, VALUE, "收支类型"));
                boolean income = switch (direction) {
                    case "收入" -> true;
                    case "支出" -> false;
                    default -> throw new StatementFormatException(lineNo,
                            "收支类型 '" + direction + "' is neither 收入 (income) nor 支出 (expense)");
                };
                long amount = Math.abs(Amounts.minor(required(c.get(v, VALUE, "收支金额(元)"), lineNo, "收支金额"),
                        CURRENCY, lineNo, "收支金额 (amount)"));
                long signed = income ? amount : -amount;
                int side = income ? 0 : 1;
                counts[side]++;
                sums[side] = Amounts.add(sums[side], amount, lineNo);
                Long balance = Amounts.minor(required(c.get(v, VALUE, "账户结余(元)"), lineNo, "账户结余"), CURRENCY,
                        lineNo, "账户结余 (balance)");
                balances.add(signed, balance);
                LocalDate date = WechatPayBillParser.date(c.get(v, VALUE, "记账时间"), lineNo);
                first = first == null || date.isBefore(first) ? date : first;
                last = last == null || date.isAfter(last) ? date : last;
                String name = String.valueOf(c.get(v, VALUE, "业务名称"));
                String type = String.valueOf(c.get(v, VALUE, "业务类型"));
                Map<String, String> details = new LinkedHashMap<>();
                details.put("业务名称", name);
                details.put("业务类型", type);
                sink.line(new StatementLine(lineNo, "wechatpay-flow:" + flowId, kind(name + "/" + type), date, date,
                        signed, null, CURRENCY, null, null, flowId, null, c.get(v, VALUE, "微信支付业务单号"), null,
                        null, c.get(v, VALUE, "备注"), line, balance, details));
            }
            throw new StatementFormatException(lineNo,
                    "the bill ends without its totals (资金流水总笔数 ...); it may be truncated");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 业务名称/业务类型 as WeChat Pay names them: 交易, 退款, 扣除交易手续费, 提现, 结算, 充值 ... */
    static String kind(String nameAndType) {
        if (nameAndType.contains("退款")) {
            return "refund";
        }
        if (nameAndType.contains("手续费")) {
            return "fee";
        }
        // A withdrawal to the merchant's bank account, by hand (提现) or by the daily settlement (结算).
        if (nameAndType.contains("提现") || nameAndType.contains("结算")) {
            return "payout";
        }
        if (nameAndType.contains("交易")) {
            return "payment";
        }
        return "adjustment";
    }

    private static void checkTotals(BufferedReader reader, Columns totals, int lineNo, long[] counts, long[] sums)
            throws IOException {
        String row = reader.readLine();
        if (row == null) {
            throw new StatementFormatException(lineNo, "the totals header is not followed by a totals row");
        }
        List<String> t = Csv.cells(row, lineNo);
        WechatPayBillParser.checkTotal(totals.get(t, VALUE, "资金流水总笔数"), counts[0] + counts[1], lineNo,
                "资金流水总笔数 (rows)", null);
        WechatPayBillParser.checkTotal(totals.get(t, VALUE, "收入笔数"), counts[0], lineNo, "收入笔数 (income rows)",
                null);
        WechatPayBillParser.checkTotal(totals.get(t, VALUE, "收入金额"), sums[0], lineNo, "收入金额 (income)", CURRENCY);
        WechatPayBillParser.checkTotal(totals.get(t, VALUE, "支出笔数"), counts[1], lineNo, "支出笔数 (expense rows)",
                null);
        WechatPayBillParser.checkTotal(totals.get(t, VALUE, "支出金额"), sums[1], lineNo, "支出金额 (expense)", CURRENCY);
        String rest;
        int n = lineNo;
        while ((rest = reader.readLine()) != null) {
            n++;
            if (!rest.isBlank()) {
                throw new StatementFormatException(n, "unexpected content after the totals row");
            }
        }
    }

    private static String required(String value, long line, String what) {
        if (value == null) {
            throw new StatementFormatException(line, what + " is empty");
        }
        return value;
    }
}
