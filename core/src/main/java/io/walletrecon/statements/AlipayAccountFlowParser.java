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
 * Alipay account-flow bill ({@code ..._账务明细.csv}): every movement of the Alipay balance, one row per 账务流水号
 * (account-flow id) with 业务流水号 (the business id, e.g. the trade number), 商户订单号, 发生时间, 对方账号,
 * 收入金额（+元）/支出金额（-元） (one of them non-zero), 账户余额（元） (the balance after the row), 业务类型. Same
 * conventions as the business bill: GBK, {@code #} lines above and below the table, trailing tabs, times without
 * an offset (local times of the account's zone). The {@code #收入合计：N笔，共X元} / {@code #支出合计：...} lines, and the summary
 * file of its zip, must match the
 * rows. The service fee is a row of its own here (业务类型 服务费 / 收费), so a line's fee is not filled in.
 */
public class AlipayAccountFlowParser implements StatementParser {

    private static final UnaryOperator<String> VALUE = String::strip;
    private static final Pattern TOTAL = Pattern.compile("#(收入|支出)合计：(\\d{1,9})笔[，,]共(-?[\\d.]{1,20})元");
    private static final String CURRENCY = "CNY";

    private final AlipaySummary summary;

    public AlipayAccountFlowParser() {
        this(null);
    }

    private AlipayAccountFlowParser(AlipaySummary summary) {
        this.summary = summary;
    }

    @Override
    public String format() {
        return "alipay-flow";
    }

    @Override
    public boolean detects(String head) {
        return head.contains("账务流水号") && head.contains("业务流水号");
    }

    @Override
    public StatementParser withSummary(String name, String text) {
        return new AlipayAccountFlowParser(AlipaySummary.parse(name, text));
    }

    @Override
    public void parse(InputStream in, Charset charset, AccountZones zones, StatementSink sink) {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
            AlipayPreamble preamble = new AlipayPreamble();
            Columns c = null;
            boolean tableEnded = false;
            long incomeCount = 0;
            long expenseCount = 0;
            long income = 0;
            long expense = 0;
            BalanceChain balances = new BalanceChain();
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
                    Matcher m = TOTAL.matcher(s);
                    if (m.find()) {
                        boolean incoming = m.group(1).equals("收入");
                        checkTotal(m, incoming ? incomeCount : expenseCount, incoming ? income : expense, lineNo);
                    }
                    continue;
                }
                if (tableEnded) {
                    throw new StatementFormatException(lineNo, "a detail row after the end of the table");
                }
                List<String> v = Csv.cells(s, lineNo);
                if (c == null) {
                    c = new Columns(v, lineNo, AlipaySummary::header);
                    for (String required : List.of("账务流水号", "发生时间", "收入金额", "支出金额", "账户余额", "业务类型")) {
                        c.require(required);
                    }
                    continue;
                }
                if (v.size() < c.size() - 1) {
                    throw new StatementFormatException(lineNo,
                            "has " + v.size() + " values, the header names " + c.size() + " columns");
                }
                String flowId = c.get(v, VALUE, "账务流水号");
                if (flowId == null) {
                    throw new StatementFormatException(lineNo, "账务流水号 (account-flow id) is empty");
                }
                long credit = Math.abs(amount(c.get(v, VALUE, "收入金额"), lineNo, "收入金额 (income)"));
                long debit = Math.abs(amount(c.get(v, VALUE, "支出金额"), lineNo, "支出金额 (expense)"));
                if ((credit == 0) == (debit == 0)) {
                    throw new StatementFormatException(lineNo, "a row has either 收入金额 (income) or 支出金额 (expense), not "
                            + (credit == 0 ? "neither" : "both"));
                }
                if (credit != 0) {
                    incomeCount++;
                    income = Amounts.add(income, credit, lineNo);
                } else {
                    expenseCount++;
                    expense = Amounts.add(expense, debit, lineNo);
                }
                String type = String.valueOf(c.get(v, VALUE, "业务类型"));
                String balance = c.get(v, VALUE, "账户余额");
                Long balanceMinor = balance == null ? null : Amounts.minor(balance, CURRENCY, lineNo, "账户余额 (balance)");
                balances.add(credit - debit, balanceMinor);
                LocalDate date = WechatPayBillParser.date(c.get(v, VALUE, "发生时间"), lineNo);
                String businessId = c.get(v, VALUE, "业务流水号");
                sink.line(new StatementLine(lineNo, "alipay-flow:" + flowId, kind(type), date, date, credit - debit,
                        null, CURRENCY, null,
                        c.get(v, VALUE, "对方账号"), flowId, null, businessId, c.get(v, VALUE, "商户订单号"), null,
                        WechatPayBillParser.join(c.get(v, VALUE, "商品名称"), c.get(v, VALUE, "备注")), line,
                        balanceMinor, Map.of("业务类型", type)));
            }
            if (c == null) {
                throw new StatementFormatException(Math.max(1, lineNo),
                        "no detail table (the header row with 账务流水号 is missing)");
            }
            if (summary != null) {
                summary.check(Map.of("收入笔数", incomeCount, "支出笔数", expenseCount),
                        Map.of("收入金额", income, "支出金额", expense), CURRENCY);
            }
            sink.statement(StatementHeader.bill("alipay-flow", preamble.account, CURRENCY, preamble.periodStart,
                    preamble.periodEnd, balances.opening(), balances.closing()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 业务类型 as Alipay names it: 在线支付/交易, 交易退款, 服务费/收费, 提现, 转账 ... */
    static String kind(String type) {
        if (type.contains("退款")) {
            return "refund";
        }
        if (type.contains("服务费") || type.contains("手续费") || type.equals("收费")) {
            return "fee";
        }
        if (type.contains("提现")) {
            return "payout";
        }
        if (type.contains("支付") || type.contains("交易") || type.contains("收款")) {
            return "payment";
        }
        return "adjustment";
    }

    private static long amount(String value, long line, String what) {
        return value == null ? 0 : Amounts.minor(value, CURRENCY, line, what);
    }

    private static void checkTotal(Matcher m, long count, long sum, long line) {
        long declaredCount = Long.parseLong(m.group(2));
        long declaredSum = Math.abs(Amounts.minor(m.group(3), CURRENCY, line, "#" + m.group(1) + "合计"));
        if (declaredCount != count || declaredSum != sum) {
            throw new StatementFormatException(line,
                    "#" + m.group(1) + "合计 declares " + declaredCount + " rows for " + m.group(3)
                            + " but the table has " + count + " for "
                            + io.walletrecon.money.Money.ofMinor(sum, CURRENCY).toDecimalString());
        }
    }

}
