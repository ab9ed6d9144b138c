package io.walletrecon.matching;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.ProviderNotifications;
import io.walletrecon.testing.TestCompanies;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.walletrecon.matching.AMonthOfWalletsTest.alipayFlow;
import static io.walletrecon.matching.AMonthOfWalletsTest.alipayFlowRow;
import static io.walletrecon.matching.AMonthOfWalletsTest.config;
import static io.walletrecon.matching.AMonthOfWalletsTest.decimal;
import static io.walletrecon.matching.AMonthOfWalletsTest.flowRow;
import static io.walletrecon.matching.AMonthOfWalletsTest.run;
import static io.walletrecon.matching.AMonthOfWalletsTest.upload;
import static io.walletrecon.matching.AMonthOfWalletsTest.wechatFundFlow;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Wallets settle to the bank: an Alipay withdrawal (提现) on its account-flow bill and a WeChat Pay settlement (结算)
 * on its fund-flow bill meet the bank's credit in a camt.053 imported over HTTP; a withdrawal the bank never shows is
 * "not arrived" only once the bank's statements of the days it could have arrived on are in.
 */
@QuarkusTest
class WalletsSettleToTheBankTest {

    static final LocalDate FIRST = LocalDate.of(2026, 10, 1);
    static final LocalDate LAST = LocalDate.of(2026, 10, 31);

    final TestCompanies.Company company = TestCompanies.create("settle");
    final String tag = TestData.unique("s").replaceAll("[^A-Za-z0-9]", "").toUpperCase();

    private String bank() {
        String bank = TestData.unique("bank-cny");
        Accounts.create(Map.of("code", bank, "company", company.code(), "provider", "bank", "name", "Bank " + bank,
                "currency", "CNY", "timeZone", "Asia/Shanghai"));
        return bank;
    }

    /**
     * A camt.053 of {@code bank} over {@code from}..{@code to} with one credit per {@code credits} (day, yuan ×100,
     * text).
     */
    private static byte[] camt(String bank, int sequence, String from, String to, long opening, Object[]... credits) {
        StringBuilder entries = new StringBuilder();
        long closing = opening;
        int n = 0;
        for (Object[] c : credits) {
            n++;
            long amount = (Long) c[1];
            closing += amount;
            entries.append("""
                    <Ntry>
                      <NtryRef>%1$d</NtryRef><Amt Ccy="CNY">%2$s</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                      <Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>%3$s</Dt></BookgDt><ValDt><Dt>%3$s</Dt></ValDt>
                      <AcctSvcrRef>REF-%4$s-%5$d-%1$d</AcctSvcrRef>
                      <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                      <NtryDtls><TxDtls>
                        <RltdPties><Dbtr><Pty><Nm>%6$s</Nm></Pty></Dbtr></RltdPties>
                        <RmtInf><Ustrd>%7$s</Ustrd></RmtInf>
                      </TxDtls></NtryDtls>
                    </Ntry>
                    """.formatted(n, decimal(amount), c[0], bank, sequence, c[2], c[3]));
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>MSG-%1$s-%2$d</MsgId><CreDtTm>2026-11-01T06:00:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>%1$s-%2$d</Id><ElctrncSeqNb>%2$d</ElctrncSeqNb>
                      <FrToDt><FrDtTm>%3$sT00:00:00</FrDtTm><ToDtTm>%4$sT23:59:59</ToDtTm></FrToDt>
                      <Acct><Id><Othr><Id>%1$s</Id></Othr></Id><Ccy>CNY</Ccy></Acct>
                      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="CNY">%5$s</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>%3$s</Dt></Dt></Bal>
                      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="CNY">%6$s</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>%4$s</Dt></Dt></Bal>
                %7$s    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(bank, sequence, from, to, decimal(opening), decimal(closing), entries)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Object[] credit(String day, long amount, String payer, String text) {
        return new Object[]{day, amount, payer, text};
    }

    /** An Alipay account-flow bill with one withdrawal (提现) of 10,000.00 on {@code day}, business id {@code id}. */
    private static byte[] alipayWithdrawal(String id, String day) {
        return alipayFlow(List.of(alipayFlowRow("W1", id, "", day + " 10:00:00", "0.00", "-10000.00", "0.00", "提现")),
                "#支出合计：1笔，共-10000.00元\n#收入合计：0笔，共0.00元\n");
    }

    private long settlements(String account, String rule, String status) {
        return TestDb.count("select count(*) from matches m join accounts a on a.id = m.account_id "
                + "where a.code = ? and m.kind = 'settlement_bank' and m.rule = ? and m.status = ?", account, rule,
                status);
    }

    private long notArrived(String account) {
        return TestDb.count("select count(*) from recon_exceptions e join accounts a on a.id = e.account_id "
                + "where a.code = ? and e.type = 'settlement_not_arrived'", account);
    }

    @Test
    void anAlipayWithdrawalMatchesTheBankCreditTwoDaysLaterByItsReference() {
        var ali = ProviderNotifications.Alipay.create(company.code());
        String bank = bank();
        config(ali.code(), Map.of("settlementAccount", bank, "settlementAfterDays", 3));
        String id = "20261005200040011100" + tag;
        upload(ali.code(), alipayWithdrawal(id, "2026-10-05"), "alipay-flow", null, null).statusCode(201);
        upload(bank, camt(bank, 1, "2026-10-01", "2026-10-31", 0,
                credit("2026-10-07", 1000000, "支付宝（中国）网络技术有限公司", "支付宝提现 " + id)), null, null, null)
                .statusCode(201);

        JsonPath result = run(ali.code(), FIRST, LAST);

        assertEquals("succeeded", result.getString("state"));
        assertEquals(1, settlements(ali.code(), "payout_reference", "confirmed"));
        assertEquals(0, notArrived(ali.code()));
        assertEquals(1, TestDb.count("select count(*) from matches m join match_items i on i.match_id = m.id "
                + "join statement_lines l on l.id = i.item_id and i.item_type = 'statement_line' and i.side = 'right' "
                + "join accounts b on b.id = l.account_id where m.kind = 'settlement_bank' and b.code = ? "
                + "and l.amount_minor = 1000000 and m.left_total_minor = 1000000 and m.difference_minor = 0", bank));
    }

    @Test
    void anAlipayWithdrawalWhoseCreditNamesNoReferenceIsSuggestedByAmountAndDate() {
        var ali = ProviderNotifications.Alipay.create(company.code());
        String bank = bank();
        config(ali.code(), Map.of("settlementAccount", bank, "settlementAfterDays", 3));
        upload(ali.code(), alipayWithdrawal("20261005200040011199" + tag, "2026-10-05"), "alipay-flow", null, null)
                .statusCode(201);
        upload(bank, camt(bank, 1, "2026-10-01", "2026-10-31", 0,
                credit("2026-10-07", 1000000, "支付宝（中国）网络技术有限公司", "提现")), null, null, null).statusCode(201);

        run(ali.code(), FIRST, LAST);

        assertEquals(1, settlements(ali.code(), "payout_amount_date", "suggested"));
        assertEquals(0, notArrived(ali.code()));
    }

    @Test
    void aWithdrawalIsNotArrivedOnlyOnceTheBanksStatementsOfItsDaysAreInAndOnlyOnce() {
        var ali = ProviderNotifications.Alipay.create(company.code());
        String bank = bank();
        config(ali.code(), Map.of("settlementAccount", bank, "settlementAfterDays", 3));
        upload(ali.code(), alipayWithdrawal("20261005200040011122" + tag, "2026-10-05"), "alipay-flow", null, null)
                .statusCode(201);
        upload(bank, camt(bank, 1, "2026-10-01", "2026-10-06", 0,
                credit("2026-10-02", 5000, "客户甲", "货款")), null, null, null).statusCode(201);

        run(ali.code(), FIRST, LAST);
        assertEquals(0, notArrived(ali.code()), "the bank's statements of 7 and 8 October are not in yet");

        upload(bank, camt(bank, 2, "2026-10-07", "2026-10-31", 5000,
                credit("2026-10-09", 7700, "客户乙", "货款")), null, null, null).statusCode(201);
        run(ali.code(), FIRST, LAST);
        assertEquals(1, notArrived(ali.code()));

        run(ali.code(), FIRST, LAST);
        assertEquals(1, notArrived(ali.code()), "a rerun raises nothing twice");
    }

    @Test
    void aWechatPaySettlementOnTheFundFlowBillMatchesTheBankCredit() {
        var wx = ProviderNotifications.WechatPay.create(company.code());
        String bank = bank();
        config(wx.code(), Map.of("settlementAccount", bank, "settlementAfterDays", 3));
        String business = "1000" + tag;
        upload(wx.code(), wechatFundFlow(List.of(
                flowRow("2026-10-10 09:00:00", business, "S1", "结算", "支出", "8800.00", "0.00")),
                "`1,`0,`0.00,`1,`8800.00"), "wechatpay-flow", null, null).statusCode(201);
        upload(bank, camt(bank, 1, "2026-10-01", "2026-10-31", 0,
                credit("2026-10-11", 880000, "财付通支付科技有限公司", "微信支付结算 " + business)), null, null, null)
                .statusCode(201);

        run(wx.code(), FIRST, LAST);

        assertEquals(1, settlements(wx.code(), "payout_reference", "confirmed"));
        assertEquals(0, notArrived(wx.code()));
    }

    @Test
    void aSettlementLooksOnlyAtTheBankAccountsOfItsOwnCompany() {
        var ali = ProviderNotifications.Alipay.create(company.code());
        String ownBank = bank();
        TestCompanies.Company other = TestCompanies.create("settle-other");
        String foreignBank = TestData.unique("bank-cny");
        Accounts.create(Map.of("code", foreignBank, "company", other.code(), "provider", "bank", "name",
                "Bank " + foreignBank, "currency", "CNY", "timeZone", "Asia/Shanghai"));
        upload(ali.code(), alipayWithdrawal("20261005200040011133" + tag, "2026-10-05"), "alipay-flow", null, null)
                .statusCode(201);
        upload(foreignBank, camt(foreignBank, 1, "2026-10-01", "2026-10-31", 0,
                credit("2026-10-06", 1000000, "支付宝（中国）网络技术有限公司", "提现")), null, null, null).statusCode(201);
        upload(ownBank, camt(ownBank, 1, "2026-10-01", "2026-10-31", 0,
                credit("2026-10-07", 1000000, "支付宝（中国）网络技术有限公司", "提现")), null, null, null).statusCode(201);

        run(ali.code(), FIRST, LAST);

        assertEquals(1, settlements(ali.code(), "payout_amount_date", "suggested"),
                "another company's credit of the same amount is no candidate");
        assertEquals(0, TestDb.count("select count(*) from match_items i join statement_lines l on l.id = i.item_id "
                + "join accounts a on a.id = l.account_id where i.item_type = 'statement_line' and a.code = ?",
                foreignBank));
    }
}
