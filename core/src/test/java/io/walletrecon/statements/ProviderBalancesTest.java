package io.walletrecon.statements;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Wallet bills that state the account balance give their statement an opening and a closing balance. */
class ProviderBalancesTest {

    static final String FLOW_ROWS_START = "20260301110070001000120000000001";

    static final String FUND_FLOW = Samples.text("wechatpay-flow.csv", StandardCharsets.UTF_8);

    @Test
    void balanceChainReadsOldestFirstAndNewestFirstAlike() {
        BalanceChain oldestFirst = new BalanceChain();
        oldestFirst.add(500, 1500L);
        oldestFirst.add(-200, 1300L);
        oldestFirst.add(-50, 1250L);
        assertEquals(1000L, oldestFirst.opening());
        assertEquals(1250L, oldestFirst.closing());
        BalanceChain newestFirst = new BalanceChain();
        newestFirst.add(-50, 1250L);
        newestFirst.add(-200, 1300L);
        newestFirst.add(500, 1500L);
        assertEquals(1000L, newestFirst.opening());
        assertEquals(1250L, newestFirst.closing());
    }

    @Test
    void balancesThatDoNotFollowOrAreMissingGiveNoBalance() {
        BalanceChain broken = new BalanceChain();
        broken.add(500, 1500L);
        broken.add(-200, 1200L);
        assertNull(broken.opening());
        assertNull(broken.closing());
        BalanceChain missing = new BalanceChain();
        missing.add(500, 1500L);
        missing.add(-200, null);
        assertNull(missing.closing());
        assertNull(new BalanceChain().opening(), "no rows, no balance");
    }

    @Test
    void alipayAccountFlowBillOpensAndClosesWithItsBalanceColumn() {
        var p = Samples.parse(new AlipayAccountFlowParser(), Samples.bytes("alipay-flow.gbk.csv"),
                BusinessTimeTest.BERLIN);
        assertEquals(100000L, p.header().openingBalanceMinor(), "1088.88 after a credit of 88.88");
        assertEquals(107835L, p.header().closingBalanceMinor());
        assertEquals(LocalDate.of(2026, 3, 1), p.header().periodStart());
        assertEquals(LocalDate.of(2026, 3, 1), p.header().periodEnd(), "终止日期 2026-03-02 00:00:00 ends 1 March");
    }

    @Test
    void alipayAccountFlowBillNewestFirstHasTheSameBalances() {
        String text = Samples.text("alipay-flow.gbk.csv", TextDecoding.GBK);
        List<String> lines = new java.util.ArrayList<>(text.lines().toList());
        int first = 0;
        while (!lines.get(first).startsWith(FLOW_ROWS_START)) {
            first++;
        }
        java.util.Collections.reverse(lines.subList(first, first + 3));
        String reversed = String.join("\r\n", lines) + "\r\n";
        var p = Samples.parse(new AlipayAccountFlowParser(), reversed.getBytes(TextDecoding.GBK),
                BusinessTimeTest.BERLIN);
        assertEquals(100000L, p.header().openingBalanceMinor());
        assertEquals(107835L, p.header().closingBalanceMinor());
    }

    @Test
    void wechatFundFlowBillReadsRowsBalancesAndKinds() {
        var p = Samples.parse(new WechatPayFundFlowParser(), FUND_FLOW);
        assertEquals("wechatpay-flow", new WechatPayFundFlowParser().format());
        assertEquals(100000L, p.header().openingBalanceMinor());
        assertEquals(9923L, p.header().closingBalanceMinor());
        assertEquals(LocalDate.of(2026, 3, 31), p.header().periodEnd());
        assertEquals(List.of(12800L, -77L, -2800L, -100000L),
                p.lines().stream().map(StatementLine::amountMinor).toList());
        assertEquals(List.of("payment", "fee", "refund", "payout"),
                p.lines().stream().map(StatementLine::kind).toList());
        assertEquals("wechatpay-flow:50000300012026033100001", p.lines().get(0).key());
        assertEquals("4200001234202603311234567890", p.lines().get(0).providerTxnId());
        assertEquals(112800L, p.lines().get(0).balanceAfterMinor());
    }

    @Test
    void wechatFundFlowTotalsThatDisagreeAreRefused() {
        var e = assertThrows(StatementFormatException.class, () -> Samples.parse(new WechatPayFundFlowParser(),
                FUND_FLOW.replace("`3,`1028.77", "`3,`1028.78")));
        assertEquals(7, e.line());
        assertEquals("支出金额 (expense) declares 1028.78 but the rows add up to 1028.77", e.getMessage());
        var cut = assertThrows(StatementFormatException.class, () -> Samples.parse(new WechatPayFundFlowParser(),
                FUND_FLOW.substring(0, FUND_FLOW.indexOf("资金流水总笔数"))));
        assertEquals("the bill ends without its totals (资金流水总笔数 ...); it may be truncated", cut.getMessage());
    }

    @Test
    void theFundFlowBillIsDetectedAndTheTradeBillIsNot() {
        StatementParsers parsers = new StatementParsers();
        assertEquals("wechatpay-flow", parsers.detect(FUND_FLOW).orElseThrow().format());
        assertEquals("wechatpay", parsers.detect(Samples.text("wechatpay-bill.csv", StandardCharsets.UTF_8))
                .orElseThrow().format());
    }
}
