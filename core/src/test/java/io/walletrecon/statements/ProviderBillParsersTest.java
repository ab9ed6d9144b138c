package io.walletrecon.statements;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProviderBillParsersTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void alipayBillInGbkWithHashLinesTrailingTabsAndTotals() {
        byte[] file = Samples.bytes("alipay-bill.gbk.csv");
        TextDecoding.Detected d = TextDecoding.detect(file, file.length);
        assertEquals(TextDecoding.GBK, d.charset());
        var p = Samples.parse(new AlipayBillParser(), file, SHANGHAI);
        assertEquals("20881234567890120156", p.header().accountInFile());
        assertEquals(LocalDate.of(2026, 3, 1), p.header().periodStart());
        List<StatementLine> l = p.lines();
        assertEquals(List.of(8888L, 20000L, -1000L), l.stream().map(StatementLine::amountMinor).toList());
        assertEquals(List.of(53L, 120L, -6L), l.stream().map(StatementLine::feeMinor).toList());
        assertEquals(List.of("payment", "payment", "refund"), l.stream().map(StatementLine::kind).toList());
        StatementLine first = l.get(0);
        assertEquals("张三", first.counterpartyName());
        assertEquals("zha***@example.com", first.counterpartyAccount());
        assertEquals("2026030122001412345678901234", first.providerTxnId());
        assertEquals("ORDER-20260301-001", first.merchantReference());
        assertEquals("三月货款 WR7KQ4MXJ", first.remittanceInfo());
        assertEquals(6, first.lineNo());
        assertEquals("alipay-refund:2026030122001412345678901234/2026030121001", l.get(2).key());
    }

    @Test
    void alipayBillTimesAreLocalTimesOfTheAccountsZone() {
        var p = Samples.parse(new AlipayBillParser(), Samples.bytes("alipay-bill.gbk.csv"), ZoneId.of("Asia/Tokyo"));
        assertEquals(LocalDate.of(2026, 3, 1), p.lines().get(1).valueDate(),
                "a time without an offset is a time of the account's zone: 23:50 is still 1 March");
    }

    @Test
    void alipayTotalsThatDisagreeWithTheRowsAreRejected() {
        String text = Samples.text("alipay-bill.gbk.csv", TextDecoding.GBK).replace("#交易合计：2笔", "#交易合计：3笔");
        var e = assertThrows(StatementFormatException.class,
                () -> Samples.parse(new AlipayBillParser(), text.getBytes(TextDecoding.GBK), SHANGHAI));
        assertEquals(10, e.line());
        assertEquals("#交易合计 declares 3 rows but the table has 2", e.getMessage());
    }

    @Test
    void wechatBillWithBackticksReadByHeaderNameAndTotalsAtTheEnd() {
        var p = Samples.parse(new WechatPayBillParser(), Samples.bytes("wechatpay-bill.csv"), SHANGHAI);
        assertEquals("CNY", p.header().currency());
        List<StatementLine> l = p.lines();
        assertEquals(List.of(12800L, 1L, -2800L), l.stream().map(StatementLine::amountMinor).toList());
        assertEquals(List.of(77L, 0L, -17L), l.stream().map(StatementLine::feeMinor).toList());
        assertEquals("4200001234202603011234567890", l.get(0).providerTxnId());
        assertEquals("WX-ORDER-1001", l.get(0).merchantReference());
        assertEquals("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", l.get(0).counterpartyAccount());
        assertEquals("会员年费 | WR3HN8PDQ", l.get(0).remittanceInfo());
        assertEquals("wechatpay-refund:50000000012026030112345678", l.get(2).key());
        assertEquals("refund", l.get(2).kind());
    }

    @Test
    void wechatRefundRowKeepsTheRefundIdsBesideThePaymentItRefunds() {
        var p = Samples.parse(new WechatPayBillParser(), Samples.bytes("wechatpay-bill.csv"), SHANGHAI);
        StatementLine refund = p.lines().get(2);
        assertEquals("4200001234202603011234567890", refund.providerTxnId(), "the refunded payment");
        assertEquals(java.util.Map.of(ProviderIds.REFUND_ID, "50000000012026030112345678", ProviderIds.OUT_REFUND_NO,
                "WX-REFUND-1"), refund.details());
        assertEquals(null, p.lines().get(0).details(), "a payment row carries no refund ids");
    }

    @Test
    void stripeItemizedReportKeepsThePaymentIntentOfACharge() {
        String csv = """
                balance_transaction_id,created_utc,currency,gross,fee,net,reporting_category,source_id,payment_intent_id,charge_id
                txn_1,2026-03-01 08:15:00,usd,100.00,3.20,96.80,charge,ch_1,pi_1,ch_1
                txn_2,2026-03-01 09:00:00,usd,-20.00,0.00,-20.00,refund,re_1,pi_1,ch_1
                """;
        var l = Samples.parse(new StripeBalanceParser(), csv).lines();
        assertEquals("ch_1", l.get(0).providerTxnId());
        assertEquals(java.util.Map.of(ProviderIds.PAYMENT_INTENT_ID, "pi_1", ProviderIds.CHARGE_ID, "ch_1"),
                l.get(0).details());
        assertEquals("re_1", l.get(1).providerTxnId(), "a refund is its own balance transaction source");
    }

    @Test
    void wechatColumnsInAnotherOrderAreStillFound() {
        String text = Samples.text("wechatpay-bill.csv", StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        StringBuilder swapped = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            List<String> cells = new java.util.ArrayList<>(Csv.split(lines[i]));
            java.util.Collections.swap(cells, 5, 12);
            swapped.append(String.join(",", cells)).append("\r\n");
        }
        swapped.append(lines[4]).append("\r\n").append(lines[5]).append("\r\n");
        var p = Samples.parse(new WechatPayBillParser(), swapped.toString().getBytes(StandardCharsets.UTF_8), SHANGHAI);
        assertEquals(List.of(12800L, 1L, -2800L), p.lines().stream().map(StatementLine::amountMinor).toList());
    }

    @Test
    void wechatBillWithoutItsTotalsIsTruncated() {
        String text = Samples.text("wechatpay-bill.csv", StandardCharsets.UTF_8);
        String cut = text.substring(0, text.indexOf("总交易单数"));
        var e = assertThrows(StatementFormatException.class, () -> Samples.parse(new WechatPayBillParser(), cut));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        String wrong = text.replace("`3,`128.01", "`4,`128.01");
        var e2 = assertThrows(StatementFormatException.class, () -> Samples.parse(new WechatPayBillParser(), wrong));
        assertEquals(6, e2.line());
        assertEquals("总交易单数 (number of rows) declares 4 but the rows add up to 3", e2.getMessage());
    }

    @Test
    void stripeBalanceTransactionsKeepGrossFeeAndPayout() {
        var p = Samples.parse(new StripeBalanceParser(), Samples.bytes("stripe-balance.csv"),
                ZoneId.of("America/New_York"));
        List<StatementLine> l = p.lines();
        assertEquals("USD", p.header().currency());
        assertEquals(List.of(10000L, -2000L, 250000L, -250400L), l.stream().map(StatementLine::amountMinor).toList());
        assertEquals(List.of(320L, 0L, 7280L, 0L), l.stream().map(StatementLine::feeMinor).toList());
        assertEquals(List.of("payment", "refund", "payment", "payout"), l.stream().map(StatementLine::kind).toList());
        assertEquals("ch_3PqA2bC3dE4fG5hI0", l.get(0).providerTxnId());
        assertEquals("po_1PqZZZ", l.get(0).payoutId());
        assertEquals("ORD-9", l.get(0).merchantReference());
        assertEquals("Invoice INV-9, code WR7KQ4MXJ", l.get(0).remittanceInfo());
        assertEquals("po_1PqZZZ", l.get(3).payoutId());
        assertEquals(LocalDate.of(2026, 3, 1), l.get(2).valueDate(), "23:30 UTC is still 1 March in New York");
        assertEquals(LocalDate.of(2026, 3, 2), l.get(3).valueDate(), "02:00 UTC on 3 March is 2 March in New York");
    }

    @Test
    void stripeLineWhoseNetIsNotGrossMinusFeeIsRejected() {
        String text = Samples.text("stripe-balance.csv", StandardCharsets.UTF_8).replace("100.00,3.20,96.80",
                "100.00,3.20,96.00");
        var e = assertThrows(StatementFormatException.class, () -> Samples.parse(new StripeBalanceParser(), text));
        assertEquals(2, e.line());
        assertEquals("gross 10000 minus fee 320 is not net 9600 (minor units)", e.getMessage());
    }

    @Test
    void formatsAreDetectedFromContent() {
        StatementParsers parsers = new StatementParsers();
        assertEquals("camt053",
                parsers.detect(Samples.text("camt053-v08.xml", StandardCharsets.UTF_8)).orElseThrow().format());
        assertEquals("mt940",
                parsers.detect(Samples.text("mt940.txt", StandardCharsets.US_ASCII)).orElseThrow().format());
        assertEquals("alipay",
                parsers.detect(Samples.text("alipay-bill.gbk.csv", TextDecoding.GBK)).orElseThrow().format());
        assertEquals("wechatpay",
                parsers.detect(Samples.text("wechatpay-bill.csv", StandardCharsets.UTF_8)).orElseThrow().format());
        assertEquals("stripe",
                parsers.detect(Samples.text("stripe-balance.csv", StandardCharsets.UTF_8)).orElseThrow().format());
        assertTrue(parsers.detect("just,some,csv\n1,2,3\n").isEmpty());
    }

    @Test
    void alipayBillIsCheckedAgainstTheSummaryOfItsZip() {
        String summary = Samples.text("alipay-bill-summary.gbk.csv", TextDecoding.GBK);
        StatementParser checked = new AlipayBillParser().withSummary("2088_20260301_业务明细(汇总).csv", summary);
        assertEquals(3, Samples.parse(checked, Samples.bytes("alipay-bill.gbk.csv"), SHANGHAI).lines().size());
        StatementParser wrong = new AlipayBillParser().withSummary("2088_20260301_业务明细(汇总).csv",
                summary.replace("合计,,2,1,278.88,278.88", "合计,,2,1,278.88,298.88"));
        var e = assertThrows(StatementFormatException.class,
                () -> Samples.parse(wrong, Samples.bytes("alipay-bill.gbk.csv"), SHANGHAI));
        assertEquals(6, e.line());
        assertEquals("2088_20260301_业务明细(汇总).csv: 商家实收 is 298.88 but the bill's rows add up to 278.88", e.getMessage());
        StatementParser counts = new AlipayBillParser().withSummary("s.csv", summary.replace("合计,,2,1,", "合计,,2,2,"));
        var c = assertThrows(StatementFormatException.class,
                () -> Samples.parse(counts, Samples.bytes("alipay-bill.gbk.csv"), SHANGHAI));
        assertEquals("s.csv: 退款订单总笔数 is 2 but the bill has 1", c.getMessage());
    }

    @Test
    void alipayAccountFlowBillKeepsBalancesAndTypesAndChecksItsTotals() {
        byte[] file = Samples.bytes("alipay-flow.gbk.csv");
        StatementParsers parsers = new StatementParsers();
        assertEquals("alipay-flow", parsers.detect(new String(file, TextDecoding.GBK)).orElseThrow().format());
        var p = Samples.parse(new AlipayAccountFlowParser(), file, SHANGHAI);
        assertEquals("20881234567890120156", p.header().accountInFile());
        List<StatementLine> l = p.lines();
        assertEquals(List.of(8888L, -53L, -1000L), l.stream().map(StatementLine::amountMinor).toList());
        assertEquals(List.of("payment", "fee", "refund"), l.stream().map(StatementLine::kind).toList());
        assertEquals(List.of(108888L, 108835L, 107835L), l.stream().map(StatementLine::balanceAfterMinor).toList());
        assertEquals("2026030122001412345678901234", l.get(0).providerTxnId());
        assertEquals("alipay-flow:20260301110070001000120000000001", l.get(0).key());
        assertEquals("ORDER-20260301-001", l.get(0).merchantReference());
        String wrong = new String(file, TextDecoding.GBK).replace("#收入合计：1笔，共88.88元", "#收入合计：1笔，共88.80元");
        var e = assertThrows(StatementFormatException.class,
                () -> Samples.parse(new AlipayAccountFlowParser(), wrong.getBytes(TextDecoding.GBK), SHANGHAI));
        assertEquals(11, e.line());
        assertEquals("#收入合计 declares 1 rows for 88.80 but the table has 1 for 88.88", e.getMessage());
    }
}
