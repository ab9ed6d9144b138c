package io.walletrecon.matching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/** Bank statement files written as the banks write them, for the bank-reconciliation tests. */
public final class BankFiles {

    private BankFiles() {
    }

    /**
     * A customer's credit transfer: amount, the ordering party's name and account, the end-to-end id (null: not
     * provided), the unstructured remittance as the bank split it over Ustrd elements, and a structured creditor
     * reference (null: none).
     */
    public record Credit(long minor, String day, String name, String account, String endToEndId, List<String> ustrd,
            String creditorRef) {
        public static Credit of(long minor, String day, String name, String account, String... ustrd) {
            return new Credit(minor, day, name, account, null, List.of(ustrd), null);
        }
    }

    /** A balanced camt.053 (opening 1,000.00, closing opening plus the credits) of {@code account} for a month. */
    public static String camt053(String account, String id, int sequence, LocalDate from, LocalDate to,
            List<Credit> credits) {
        long opening = 100000;
        long closing = opening + credits.stream().mapToLong(Credit::minor).sum();
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < credits.size(); i++) {
            entries.append(entry(id, i + 1, credits.get(i)));
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>MSG-%1$s</MsgId><CreDtTm>%4$sT06:00:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>%1$s</Id><ElctrncSeqNb>%2$d</ElctrncSeqNb>
                      <FrToDt><FrDtTm>%3$sT00:00:00</FrDtTm><ToDtTm>%4$sT23:59:59</ToDtTm></FrToDt>
                      <Acct><Id><Othr><Id>%5$s</Id></Othr></Id><Ccy>EUR</Ccy></Acct>
                      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">%6$s</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>%3$s</Dt></Dt></Bal>
                      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">%7$s</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>%4$s</Dt></Dt></Bal>
                %8$s    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(id, sequence, from, to, account, decimal(opening), decimal(closing), entries);
    }

    private static String entry(String id, int n, Credit c) {
        String ustrd = c.ustrd().stream().map(u -> "<Ustrd>" + u + "</Ustrd>").collect(Collectors.joining());
        String strd = c.creditorRef() == null
                ? ""
                : "<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>ISO</Issr></Tp><Ref>"
                        + c.creditorRef() + "</Ref></CdtrRefInf></Strd>";
        return """
                      <Ntry>
                        <NtryRef>%2$d</NtryRef><Amt Ccy="EUR">%3$s</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                        <Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>%4$s</Dt></BookgDt><ValDt><Dt>%4$s</Dt></ValDt>
                        <AcctSvcrRef>%1$s-%2$d</AcctSvcrRef>
                        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                        <NtryDtls><TxDtls>
                          <Refs><EndToEndId>%5$s</EndToEndId></Refs>
                          <RltdPties><Dbtr><Pty><Nm>%6$s</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>%7$s</IBAN></Id></DbtrAcct></RltdPties>
                          <RmtInf>%8$s%9$s</RmtInf>
                        </TxDtls></NtryDtls>
                      </Ntry>
                """
                .formatted(id, n, decimal(c.minor()), c.day(), c.endToEndId() == null ? "NOTPROVIDED" : c.endToEndId(),
                        c.name(), c.account(), ustrd, strd);
    }

    /**
     * A balanced MT940 message of {@code account} with one credit whose German structured :86: carries
     * {@code purpose} over the subfields ?20, ?21, ... (one element each), and the payer's account and name.
     */
    static String mt940(String account, String reference, String day, long minor, String payerAccount, String payer,
            List<String> purpose) {
        StringBuilder info = new StringBuilder("166?00GUTSCHRIFT");
        for (int i = 0; i < purpose.size(); i++) {
            info.append("?2").append(i).append(purpose.get(i));
        }
        info.append("?31").append(payerAccount).append("?32").append(payer);
        String yymmdd = day.substring(2).replace("-", "");
        String mmdd = yymmdd.substring(2);
        String amount = decimal(minor).replace('.', ',');
        return ":20:" + reference + "\n:25:" + account + "\n:28C:00001/001\n:60F:C" + yymmdd + "EUR1000,00\n"
                + ":61:" + yymmdd + mmdd + "C" + amount + "NTRFNONREF//" + reference + "-1\n"
                + ":86:" + info + "\n"
                + ":62F:C" + yymmdd + "EUR" + decimal(100000 + minor).replace('.', ',') + "\n-\n";
    }

    static String decimal(long minor) {
        return BigDecimal.valueOf(minor, 2).toPlainString();
    }
}
