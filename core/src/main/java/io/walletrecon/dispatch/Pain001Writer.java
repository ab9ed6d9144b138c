package io.walletrecon.dispatch;

import io.walletrecon.money.Money;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes one ISO 20022 {@code pain.001.001.09} CustomerCreditTransferInitiation: one payment information block
 * (one debtor account, one requested execution date) with one credit transfer per supplier payment. InstrId and
 * EndToEndId are the order's {@link EndToEndId}, so the bank's status report (pain.002) and statement lines find it
 * again. The creditor's bank is named by its BIC, or for a bank in China by its CNAPS code as a clearing system member
 * ({@code ClrSysMmbId/ClrSysId/Cd} = {@code CNAPS}, {@code MmbId} = the 12 digits), as Chinese banks' host-to-host
 * channels expect; the creditor by the name its account is held in (户名), its account by its domestic number.
 */
public final class Pain001Writer {

    public static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

    private Pain001Writer() {
    }

    public record Debtor(String name, String accountId, String agentBic) {
    }

    /** {@code creditorBankCode}: a BIC, a 12-digit CNAPS code, or null. */
    public record Transfer(String endToEndId, Money amount, String creditorName, String creditorAccount,
            String creditorBankCode, String remittance) {
    }

    /** The clearing system code of CNAPS in the ISO 20022 ExternalClearingSystemIdentification1Code list. */
    static final String CNAPS = "CNAPS";

    public static String write(String messageId, OffsetDateTime createdAt, LocalDate executionDate, Debtor debtor,
            List<Transfer> transfers) {
        Money sum = transfers.stream().map(Transfer::amount).reduce(Money::plus)
                .orElseThrow(() -> new IllegalArgumentException("a pain.001 file needs at least one transfer"));
        String count = Integer.toString(transfers.size());
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("Document");
            x.writeDefaultNamespace(NAMESPACE);
            x.writeStartElement("CstmrCdtTrfInitn");

            x.writeStartElement("GrpHdr");
            text(x, "MsgId", max(messageId, 35));
            text(x, "CreDtTm", createdAt.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            text(x, "NbOfTxs", count);
            text(x, "CtrlSum", sum.toDecimalString());
            x.writeStartElement("InitgPty");
            text(x, "Nm", max(debtor.name(), 140));
            x.writeEndElement();
            x.writeEndElement();

            x.writeStartElement("PmtInf");
            text(x, "PmtInfId", max(messageId + "-1", 35));
            text(x, "PmtMtd", "TRF");
            text(x, "NbOfTxs", count);
            text(x, "CtrlSum", sum.toDecimalString());
            x.writeStartElement("ReqdExctnDt");
            text(x, "Dt", executionDate.toString());
            x.writeEndElement();
            x.writeStartElement("Dbtr");
            text(x, "Nm", max(debtor.name(), 140));
            x.writeEndElement();
            x.writeStartElement("DbtrAcct");
            account(x, debtor.accountId());
            x.writeEndElement();
            x.writeStartElement("DbtrAgt");
            agent(x, debtor.agentBic());
            x.writeEndElement();
            text(x, "ChrgBr", "SLEV");

            for (Transfer t : transfers) {
                x.writeStartElement("CdtTrfTxInf");
                x.writeStartElement("PmtId");
                text(x, "InstrId", t.endToEndId());
                text(x, "EndToEndId", t.endToEndId());
                x.writeEndElement();
                x.writeStartElement("Amt");
                x.writeStartElement("InstdAmt");
                x.writeAttribute("Ccy", t.amount().currencyCode());
                x.writeCharacters(t.amount().toDecimalString());
                x.writeEndElement();
                x.writeEndElement();
                BankBeneficiaryRules.Scheme scheme = BankBeneficiaryRules.scheme(t.creditorAccount(),
                        t.creditorBankCode());
                if (scheme == BankBeneficiaryRules.Scheme.CNAPS) {
                    x.writeStartElement("CdtrAgt");
                    x.writeStartElement("FinInstnId");
                    x.writeStartElement("ClrSysMmbId");
                    x.writeStartElement("ClrSysId");
                    text(x, "Cd", CNAPS);
                    x.writeEndElement();
                    text(x, "MmbId", t.creditorBankCode());
                    x.writeEndElement();
                    x.writeEndElement();
                    x.writeEndElement();
                } else if (t.creditorBankCode() != null && !t.creditorBankCode().isBlank()) {
                    x.writeStartElement("CdtrAgt");
                    agent(x, t.creditorBankCode());
                    x.writeEndElement();
                }
                x.writeStartElement("Cdtr");
                text(x, "Nm", max(t.creditorName(), 140));
                x.writeEndElement();
                x.writeStartElement("CdtrAcct");
                x.writeStartElement("Id");
                if (scheme == BankBeneficiaryRules.Scheme.IBAN) {
                    text(x, "IBAN", t.creditorAccount().toUpperCase(java.util.Locale.ROOT));
                } else {
                    x.writeStartElement("Othr");
                    text(x, "Id", max(t.creditorAccount(), 34));
                    x.writeEndElement();
                }
                x.writeEndElement();
                x.writeEndElement();
                x.writeStartElement("RmtInf");
                text(x, "Ustrd", max(t.remittance(), 140));
                x.writeEndElement();
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write pain.001", e);
        }
        return out.toString();
    }

    /** The debtor's account: an IBAN where the number is one, else the bank's proprietary account number. */
    private static void account(XMLStreamWriter x, String id) throws XMLStreamException {
        x.writeStartElement("Id");
        if (id.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}")) {
            text(x, "IBAN", id);
        } else {
            x.writeStartElement("Othr");
            text(x, "Id", max(id, 34));
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private static final String NOT_PROVIDED = "NOTPROVIDED";

    private static void agent(XMLStreamWriter x, String bic) throws XMLStreamException {
        x.writeStartElement("FinInstnId");
        // "NOTPROVIDED" has the shape of a BIC but names no bank: it goes where the schema keeps unknown agents
        if (!NOT_PROVIDED.equals(bic) && BankBeneficiaryRules.isBic(bic)) {
            text(x, "BICFI", bic);
        } else {
            x.writeStartElement("Othr");
            text(x, "Id", NOT_PROVIDED);
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(value);
        x.writeEndElement();
    }

    private static String max(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }
}
