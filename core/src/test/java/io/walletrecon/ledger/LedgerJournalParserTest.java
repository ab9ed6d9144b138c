package io.walletrecon.ledger;

import io.walletrecon.problem.ProblemError;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bank journal's columns, signs, dates, amounts and identities, as ERPs export them. */
class LedgerJournalParserTest {

    private static LedgerJournalParser.Journal parse(String csv, String currency) throws IOException {
        return LedgerJournalParser.parse(new BufferedReader(new StringReader(csv)), currency);
    }

    @Test
    void debitIsMoneyInAndCreditMoneyOutAsInTheCompanysBooks() throws IOException {
        LedgerJournalParser.Journal j = parse("""
                日期,凭证号,借方金额（元）,贷方金额（元）
                2031-03-01,记-1,"1,234.50",
                2031-03-02,记-2,,0.01
                """, "CNY");

        assertEquals(0, j.errors().count());
        assertEquals(List.of(123450L, -1L), j.entries().stream().map(LedgerJournalParser.Entry::amountMinor).toList());
    }

    @Test
    void aDirectionColumnSignsAnUnsignedAmount() throws IOException {
        LedgerJournalParser.Journal j = parse("""
                记账日期,金额,方向
                2031-03-01,100,借
                2031-03-01,100,贷
                """, "JPY");

        assertEquals(List.of(100L, -100L), j.entries().stream().map(LedgerJournalParser.Entry::amountMinor).toList());
    }

    @Test
    void datesAreBusinessDatesAsWrittenWhateverTheTimeAfterThem() throws IOException {
        LedgerJournalParser.Journal j = parse("""
                date,amount
                2031/3/5,1.00
                20310306,1.00
                2031.03.07 23:59:59,1.00
                """, "EUR");

        assertEquals(List.of(LocalDate.of(2031, 3, 5), LocalDate.of(2031, 3, 6), LocalDate.of(2031, 3, 7)),
                j.entries().stream().map(LedgerJournalParser.Entry::date).toList());
    }

    @Test
    void everyBadRowIsListedWithItsLineAndColumnAndNoEntryIsKept() throws IOException {
        LedgerJournalParser.Journal j = parse("""
                date,voucher,debit,credit
                2031-03-01,V1,1.00,
                2031-13-01,V2,1.00,
                2031-03-02,V3,1.00,2.00
                2031-03-02,V4,,
                2031-03-02,V5,-1.00,
                """, "EUR");

        assertEquals(4, j.errors().count());
        List<ProblemError> listed = j.errors().refusal().errors();
        assertEquals(List.of(3L, 4L, 5L, 6L), listed.stream().map(ProblemError::line).toList());
        assertEquals("date", listed.get(0).column());
        assertEquals("credit", listed.get(1).column());
        assertTrue(j.entries().isEmpty());
    }

    @Test
    void anEntryIsKnownByVoucherDateAndAmountAndIdenticalRowsAreNumbered() throws IOException {
        LedgerJournalParser.Journal j = parse("""
                date,voucher,memo,amount
                2031-03-01,V1,first text,1.00
                2031-03-01,V1,other text,1.00
                2031-03-01,,fee,-0.50
                2031-03-01,,fee,-0.50
                """, "EUR");
        LedgerJournalParser.Journal memoChanged = parse("""
                date,voucher,memo,amount
                2031-03-01,V1,corrected text,1.00
                """, "EUR");

        List<String> keys = j.entries().stream().map(LedgerJournalParser.Entry::key).toList();
        assertEquals(List.of("v:V1|2031-03-01|100#1", "v:V1|2031-03-01|100#2"), keys.subList(0, 2));
        assertNotEquals(keys.get(2), keys.get(3));
        assertEquals(keys.get(0), memoChanged.entries().get(0).key(),
                "a voucher's entry is the same whatever its memo");
    }

    @Test
    void aHeaderWithBothAmountAndDebitColumnsIsRefused() throws IOException {
        LedgerJournalParser.Journal j = parse("date,amount,debit,credit\n2031-03-01,1,1,\n", "EUR");

        ProblemError problem = j.errors().refusal().errors().get(0);
        assertEquals(1L, problem.line());
        assertTrue(problem.message().contains("give one or the other"));
    }
}
