package io.walletrecon.reports.confirmations;

import io.walletrecon.console.Language;
import io.walletrecon.reports.Column;
import io.walletrecon.reports.PdfRenderer;
import io.walletrecon.reports.ReportLabels;
import io.walletrecon.reports.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The signed confirmation as the PDF prints it: the bank reconciliation statement's two columns side by side as they
 * stood at preparation, the bank's balance against the books' with the result (相符 / 不相符), who prepared and who
 * reviewed it and when (UTC), their notes, and the attached statement's SHA-256.
 */
final class ConfirmationDocument {

    static final String TITLE = "balance-confirmation";
    static final String KIND = "confirmation";
    static final String ATTACHMENT = "bank_reconciliation";

    private ConfirmationDocument() {
    }

    /** Everything the confirmation says, as signed by {@code reviewer} at {@code reviewedAt}. */
    record SignOff(ConfirmationRepository.Stored c, Figures f, String attachmentSha256, String reviewer,
            Instant reviewedAt, String reviewNote) {
    }

    static PdfRenderer.Document of(String company, SignOff s, Language language) {
        ConfirmationRepository.Stored c = s.c();
        Figures f = s.f();
        String ccy = c.currency();
        List<Table> summaries = List.of(
                new Table("journalSide", List.of(Column.text("currency"), Column.money("journalBalance"),
                        Column.money("bankReceivedNotBooked"), Column.money("bankPaidNotBooked"),
                        Column.money("adjustedBalance")),
                        List.<Object[]>of(new Object[]{ccy, f.journalBalanceMinor(), f.bankReceivedNotBookedMinor(),
                                Math.negateExact(f.bankPaidNotBookedMinor()), f.adjustedJournalMinor()})),
                new Table("bankSide", List.of(Column.text("currency"), Column.money("bankBalance"),
                        Column.money("bookedReceivedNotInBank"), Column.money("bookedPaidNotInBank"),
                        Column.money("adjustedBalance")),
                        List.<Object[]>of(new Object[]{ccy, f.statementBalanceMinor(),
                                f.bookedReceivedNotInBankMinor(), Math.negateExact(f.bookedPaidNotInBankMinor()),
                                f.adjustedBankMinor()})),
                new Table("result", List.of(Column.text("currency"), Column.money("confirmedBankBalance"),
                        Column.money("journalBalance"), Column.money("unexplainedDifference"),
                        Column.date("bankStatementDate"), Column.text("result")),
                        List.<Object[]>of(new Object[]{ccy, c.bankBalanceMinor(), f.journalBalanceMinor(),
                                f.unexplainedDifferenceMinor(), f.bankStatementDate(),
                                ReportLabels.of(c.result(), language)})),
                new Table("signOff", List.of(Column.text("preparedBy"), Column.timestamp("preparedAt"),
                        Column.text("preparationNote"), Column.text("reviewedBy"), Column.timestamp("reviewedAt"),
                        Column.text("reviewNote")),
                        List.<Object[]>of(new Object[]{c.preparedBy(), c.preparedAt(), orDash(c.preparationNote()),
                                s.reviewer(), s.reviewedAt(), orDash(s.reviewNote())})));
        List<Object[]> attachments = new ArrayList<>();
        if (s.attachmentSha256() != null) {
            attachments.add(new Object[]{ReportLabels.of("bank-reconciliation", language), s.attachmentSha256()});
        }
        Table detail = new Table("attachments", List.of(Column.text("document"), Column.text("sha256")),
                attachments);
        String subject = c.accountName() + " (" + c.account() + ", " + ccy + ")";
        return new PdfRenderer.Document(company, ReportLabels.of(TITLE, language), subject,
                c.periodEnd().toString(), summaries, detail, language, true);
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "-" : text;
    }
}
