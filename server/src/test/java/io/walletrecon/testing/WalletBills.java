package io.walletrecon.testing;

import java.nio.charset.Charset;
import java.util.List;

/** Provider and bank files as finance teams upload them, written after the published formats, for tests. */
public final class WalletBills {

    private WalletBills() {
    }

    /** One row of an Alipay account-flow bill (账务明细). */
    public static String alipayFlowRow(String flowNo, String businessNo, String orderNo, String time, String in,
            String out, String balance, String type) {
        return String.join("\t,", "2026100711007000100012" + flowNo, businessNo, orderNo, "货款 " + orderNo, time,
                "", in, out, balance, "支付宝", type, "") + "\t";
    }

    /** An Alipay account-flow bill (账务明细, GBK) with these rows and its totals lines. */
    public static byte[] alipayFlow(List<String> rows, String totals) {
        String text = "#支付宝账务明细查询\n#账号：[20881234567890120156]\n"
                + "#起始日期：[2026年10月01日 00:00:00]   终止日期：[2026年11月01日 00:00:00]\n"
                + "#-----------------------------------------账务明细列表----------------------------------------\n"
                + "账务流水号,业务流水号,商户订单号,商品名称,发生时间,对方账号,收入金额（+元）,支出金额（-元）,账户余额（元）,交易渠道,业务类型,备注\n"
                + String.join("\n", rows) + "\n"
                + "#-----------------------------------------账务明细列表结束------------------------------------\n"
                + totals + "#导出时间：[2026年11月01日 10:12:13]\n";
        return text.getBytes(Charset.forName("GBK"));
    }

    /** A camt.053 of one month with one credit of {@code credit} on {@code day}. */
    public static String camt(String account, String currency, String from, String to, long opening, long closing,
            String day, long credit, String remittance) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>MSG-%1$s</MsgId><CreDtTm>2026-11-01T06:00:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>%1$s-202610</Id><ElctrncSeqNb>10</ElctrncSeqNb>
                      <FrToDt><FrDtTm>%3$s</FrDtTm><ToDtTm>%4$s</ToDtTm></FrToDt>
                      <Acct><Id><Othr><Id>%1$s</Id></Othr></Id><Ccy>%2$s</Ccy></Acct>
                      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="%2$s">%5$s</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-10-01</Dt></Dt></Bal>
                      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="%2$s">%6$s</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-10-31</Dt></Dt></Bal>
                      <Ntry>
                        <NtryRef>1</NtryRef><Amt Ccy="%2$s">%8$s</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                        <Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>%7$s</Dt></BookgDt><ValDt><Dt>%7$s</Dt></ValDt>
                        <AcctSvcrRef>REF-%1$s-1</AcctSvcrRef>
                        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                        <NtryDtls><TxDtls>
                          <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
                          <RltdPties><Dbtr><Pty><Nm>STRIPE PAYMENTS EUROPE LTD</Nm></Pty></Dbtr></RltdPties>
                          <RmtInf><Ustrd>%9$s</Ustrd></RmtInf>
                        </TxDtls></NtryDtls>
                      </Ntry>
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(account, currency, from, to, decimal(opening), decimal(closing), day, decimal(credit),
                remittance);
    }

    private static String decimal(long minor) {
        return java.math.BigDecimal.valueOf(minor, 2).toPlainString();
    }
}
