package io.walletrecon.statements;

import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;

/** camt.052/053/054 documents built entry by entry, and uploads of them, for the intraday and fee tests. */
final class BankFiles {

    static final String FINANCE = TestJwt.bearer("fiona", "finance");
    static final String ADMIN = TestJwt.bearer("ada", "admin");

    private BankFiles() {
    }

    /** One booked entry; null fields are left out of the XML. */
    record Entry(String amount, String sign, String date, String acctSvcrRef, String ntryRef, String endToEndId,
            String remittance, String bankCode, String debtorIban, String info) {

        static Entry credit(String amount, String date) {
            return new Entry(amount, "CRDT", date, null, null, null, null, null, null, null);
        }

        static Entry debit(String amount, String date) {
            return new Entry(amount, "DBIT", date, null, null, null, null, null, null, null);
        }

        Entry ref(String r) {
            return new Entry(amount, sign, date, r, ntryRef, endToEndId, remittance, bankCode, debtorIban, info);
        }

        Entry ntryRef(String r) {
            return new Entry(amount, sign, date, acctSvcrRef, r, endToEndId, remittance, bankCode, debtorIban, info);
        }

        Entry e2e(String id) {
            return new Entry(amount, sign, date, acctSvcrRef, ntryRef, id, remittance, bankCode, debtorIban, info);
        }

        Entry remittance(String text) {
            return new Entry(amount, sign, date, acctSvcrRef, ntryRef, endToEndId, text, bankCode, debtorIban, info);
        }

        /** {@code PMNT/MDOP/CHRG}: domain, family and sub-family codes. */
        Entry code(String isoCode) {
            return new Entry(amount, sign, date, acctSvcrRef, ntryRef, endToEndId, remittance, isoCode, debtorIban,
                    info);
        }

        Entry from(String iban) {
            return new Entry(amount, sign, date, acctSvcrRef, ntryRef, endToEndId, remittance, bankCode, iban, info);
        }

        Entry info(String text) {
            return new Entry(amount, sign, date, acctSvcrRef, ntryRef, endToEndId, remittance, bankCode, debtorIban,
                    text);
        }

        String xml(String ccy) {
            StringBuilder b = new StringBuilder("<Ntry>");
            if (ntryRef != null) {
                b.append("<NtryRef>").append(ntryRef).append("</NtryRef>");
            }
            b.append("<Amt Ccy=\"").append(ccy).append("\">").append(amount).append("</Amt><CdtDbtInd>").append(sign)
                    .append("</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>").append(date)
                    .append("</Dt></BookgDt><ValDt><Dt>").append(date).append("</Dt></ValDt>");
            if (acctSvcrRef != null) {
                b.append("<AcctSvcrRef>").append(acctSvcrRef).append("</AcctSvcrRef>");
            }
            if (bankCode != null) {
                String[] c = bankCode.split("/");
                b.append("<BkTxCd><Domn><Cd>").append(c[0]).append("</Cd><Fmly><Cd>").append(c[1])
                        .append("</Cd><SubFmlyCd>").append(c[2]).append("</SubFmlyCd></Fmly></Domn></BkTxCd>");
            }
            if (endToEndId != null || remittance != null || debtorIban != null) {
                b.append("<NtryDtls><TxDtls>");
                if (endToEndId != null) {
                    b.append("<Refs><EndToEndId>").append(endToEndId).append("</EndToEndId></Refs>");
                }
                if (debtorIban != null) {
                    b.append("<RltdPties><Dbtr><Nm>Kunde</Nm></Dbtr><DbtrAcct><Id><IBAN>").append(debtorIban)
                            .append("</IBAN></Id></DbtrAcct></RltdPties>");
                }
                if (remittance != null) {
                    b.append("<RmtInf><Ustrd>").append(remittance).append("</Ustrd></RmtInf>");
                }
                b.append("</TxDtls></NtryDtls>");
            }
            if (info != null) {
                b.append("<AddtlNtryInf>").append(info).append("</AddtlNtryInf>");
            }
            return b.append("</Ntry>\n").toString();
        }

        long minor() {
            long m = Long.parseLong(amount.replace(".", ""));
            return sign.equals("CRDT") ? m : -m;
        }
    }

    /** A camt.053 of {@code day} from {@code opening} (minor units) with these entries; its closing adds them up. */
    static String camt053(String id, String ccy, String day, long opening, Entry... entries) {
        long closing = opening + List.of(entries).stream().mapToLong(Entry::minor).sum();
        String body = "<Stmt><Id>" + id + "</Id><ElctrncSeqNb>1</ElctrncSeqNb><Acct><Id><Othr><Id>" + id
                + "-ACCT</Id></Othr></Id><Ccy>" + ccy + "</Ccy></Acct>\n"
                + balance("OPBD", opening, ccy, day) + balance("CLBD", closing, ccy, day) + entries(ccy, entries)
                + "</Stmt>\n";
        return document("camt.053.001.08", "BkToCstmrStmt", body);
    }

    /** A camt.054 notification with these entries. */
    static String camt054(String id, String ccy, Entry... entries) {
        return document("camt.054.001.08", "BkToCstmrDbtCdtNtfctn", "<Ntfctn><Id>" + id + "</Id><Acct><Id><Othr><Id>"
                + id + "-ACCT</Id></Othr></Id><Ccy>" + ccy + "</Ccy></Acct>\n" + entries(ccy, entries)
                + "</Ntfctn>\n");
    }

    /** A camt.052 intraday account report with these entries. */
    static String camt052(String id, String ccy, Entry... entries) {
        return document("camt.052.001.08", "BkToCstmrAcctRpt", "<Rpt><Id>" + id + "</Id><Acct><Id><Othr><Id>" + id
                + "-ACCT</Id></Othr></Id><Ccy>" + ccy + "</Ccy></Acct>\n" + entries(ccy, entries) + "</Rpt>\n");
    }

    private static String entries(String ccy, Entry... entries) {
        List<String> out = new ArrayList<>();
        for (Entry e : entries) {
            out.add(e.xml(ccy));
        }
        return String.join("", out);
    }

    private static String balance(String code, long minor, String ccy, String day) {
        return "<Bal><Tp><CdOrPrtry><Cd>" + code + "</Cd></CdOrPrtry></Tp><Amt Ccy=\"" + ccy + "\">"
                + (minor / 100) + "." + String.format("%02d", minor % 100) + "</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>"
                + day + "</Dt></Dt></Bal>\n";
    }

    private static String document(String message, String root, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:"
                + message + "\">\n<" + root + ">\n<GrpHdr><MsgId>M-" + System.nanoTime()
                + "</MsgId><CreDtTm>2031-05-03T18:00:00+08:00</CreDtTm></GrpHdr>\n" + body + "</" + root
                + ">\n</Document>\n";
    }

    static io.restassured.response.ValidatableResponse upload(String account, String file) {
        return given().header("Authorization", FINANCE).contentType("application/octet-stream")
                .queryParam("account", account).queryParam("charset", "UTF-8")
                .body(file.getBytes(StandardCharsets.UTF_8)).when().post("/statements").then();
    }

    static long accountId(String code) {
        return TestDb.count("select id from accounts where code = ?", code);
    }

    static long lines(String code) {
        return TestDb.count("select count(*) from statement_lines where account_id = ?", accountId(code));
    }

    static String kind(String account, String bankReference) {
        return TestDb.scalar("select kind from statement_lines where account_id = ? and bank_reference = ?",
                accountId(account), bankReference);
    }
}
