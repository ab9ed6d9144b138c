package io.walletrecon.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.walletrecon.accounts.AccountService;
import io.walletrecon.audit.AuditLog;
import io.walletrecon.data.Account;
import io.walletrecon.data.PageView;
import io.walletrecon.data.Paging;
import io.walletrecon.data.Provider;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.problem.Validation;
import io.walletrecon.statements.TextDecoding;
import io.walletrecon.storage.SpooledUpload;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The company's bank journal (银行日记账): import an ERP's CSV export for a bank account, all entries or none; list
 * the entries with their match state; and what the journal and the bank's lines leave unexplained of each other.
 */
@ApplicationScoped
public class LedgerService {

    /** Entries go to the database in statements of this many. */
    static final int CHUNK = 2000;
    /** The unreconciled view lists at most this many items per group (count and total cover all of them). */
    static final int OPEN_ITEMS_LISTED = 500;
    static final Set<String> STATES = Set.of("matched", "suggested", "unmatched");

    private final AccountService accounts;
    private final LedgerRepository ledger;
    private final AuditLog audit;
    private final Paging paging;
    private final ObjectMapper json;

    public LedgerService(AccountService accounts, LedgerRepository ledger, AuditLog audit, Paging paging,
            ObjectMapper json) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.audit = audit;
        this.paging = paging;
        this.json = json;
    }

    /**
     * Blocking: call from a worker thread. The upload is spooled before anything else; the file is read in the
     * charset it is in (UTF-8 or GBK, see {@link TextDecoding}), checked whole, and only a file without a single
     * problem is stored, in one transaction with its audit row.
     */
    public LedgerViews.ImportView importCsv(InputStream body, String accountCode, String actor) {
        try (SpooledUpload upload = SpooledUpload.of(body, "walletrecon-ledger-")) {
            Account account = ReactiveBridge.await(() -> Panache.withSession(() -> bankAccount(accountCode)));
            Read read = read(upload, account.currency);
            LedgerJournalParser.Journal journal = read.journal;
            if (journal.errors().count() > 0) {
                throw journal.errors().refusal();
            }
            return ReactiveBridge.inTransaction(() -> Panache.getSession()
                    .chain(s -> store(s, account, read, actor)));
        }
    }

    @WithSession
    public Uni<PageView<LedgerViews.EntryView>> list(String accountCode, LocalDate from, LocalDate to, String state,
            int page, Integer size) {
        int pageSize = paging.size(size);
        List<ProblemError> errors = new ArrayList<>();
        paging.check(page, pageSize, errors);
        checkPeriod(from, to, errors);
        if (state != null && !STATES.contains(state)) {
            errors.add(ProblemError.field("state", "must be one of matched, suggested, unmatched"));
        }
        Validation.refuseIfAny(errors);
        return bankAccount(accountCode).chain(account -> Panache.getSession()
                .chain(s -> ledger.page(s, account.id, from, to, state, page, pageSize)
                        .chain(items -> ledger.count(s, account.id, from, to, state)
                                .map(total -> new PageView<>(items, page, pageSize, total)))));
    }

    /**
     * The reconciling items of a period: the bank's credits and debits the journal lacks, and the journal's
     * receipts and payments the bank lacks; anything a confirmed match explains is reconciled.
     */
    @WithSession
    public Uni<LedgerViews.Unreconciled> unreconciled(String accountCode, LocalDate from, LocalDate to) {
        List<ProblemError> errors = new ArrayList<>();
        if (from == null) {
            errors.add(ProblemError.field("from", "is required (yyyy-MM-dd)"));
        }
        if (to == null) {
            errors.add(ProblemError.field("to", "is required (yyyy-MM-dd)"));
        }
        checkPeriod(from, to, errors);
        Validation.refuseIfAny(errors);
        return bankAccount(accountCode).chain(account -> openItems(account, from, to));
    }

    /**
     * The reconciling items of a bank account dated from {@code from} (null: the beginning) to {@code to}, as they
     * stand on {@code to}: what a confirmed match with items dated on or before {@code to} explains is reconciled.
     */
    @WithSession
    public Uni<LedgerViews.Unreconciled> openItems(Account account, LocalDate from, LocalDate to) {
        return Panache.getSession().chain(s -> {
            long id = account.id;
            return ledger.openLines(s, id, from, to, 1, OPEN_ITEMS_LISTED)
                    .chain(bankIn -> ledger.openLines(s, id, from, to, -1, OPEN_ITEMS_LISTED)
                            .chain(bankOut -> ledger.openEntries(s, id, from, to, 1, OPEN_ITEMS_LISTED)
                                    .chain(bookIn -> ledger.openEntries(s, id, from, to, -1, OPEN_ITEMS_LISTED)
                                            .map(bookOut -> new LedgerViews.Unreconciled(account.code,
                                                    account.currency, from, to, bankIn, bankOut, bookIn,
                                                    bookOut)))));
        });
    }

    private static void checkPeriod(LocalDate from, LocalDate to, List<ProblemError> errors) {
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(ProblemError.field("to", "is before from"));
        }
    }

    /** The account by code; the bank journal belongs to bank accounts only. */
    private Uni<Account> bankAccount(String code) {
        if (code == null || code.isBlank()) {
            return Uni.createFrom().failure(ApiException.invalid("account is required",
                    List.of(ProblemError.field("account", "is required"))));
        }
        return accounts.require(code).invoke(a -> {
            if (a.provider != Provider.BANK) {
                throw ApiException.unprocessable("Account '" + code + "' is a " + a.provider.code()
                        + " account; a bank journal is reconciled against a bank account",
                        List.of(ProblemError.field("account", "is not a bank account")));
            }
        });
    }

    /** The file's entries, the charset it was read in and its SHA-256. */
    private record Read(LedgerJournalParser.Journal journal, String charset, String sha256) {
    }

    private static Read read(SpooledUpload upload, String currency) {
        try {
            byte[] head;
            try (InputStream in = upload.open()) {
                head = in.readNBytes(1 << 20);
            }
            TextDecoding.Detected detected = TextDecoding.detect(head, head.length);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (DigestInputStream in = new DigestInputStream(upload.open(), sha)) {
                in.skipNBytes(detected.bomLength());
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, detected.charset()), 1 << 16);
                LedgerJournalParser.Journal journal = LedgerJournalParser.parse(reader, currency);
                in.transferTo(java.io.OutputStream.nullOutputStream());
                return new Read(journal, detected.charset().name(), HexFormat.of().formatHex(sha.digest()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Uni<LedgerViews.ImportView> store(Mutiny.Session s, Account account, Read read, String actor) {
        List<LedgerJournalParser.Entry> entries = read.journal.entries();
        long rows = entries.size();
        return ledger.insertImport(s, account.id, read.sha256, read.charset, rows, actor)
                .chain(importId -> insertChunks(s, account, importId, entries, 0, 0)
                        .call(inserted -> ledger.setInserted(s, importId, inserted))
                        .call(inserted -> audit.record(actor, "ledger.imported", "ledger-import", importId, null,
                                Map.of("account", account.code, "sha256", read.sha256, "charset", read.charset,
                                        "rows", rows, "inserted", inserted, "unchanged", rows - inserted)))
                        .map(inserted -> new LedgerViews.ImportView(importId, account.code, rows, inserted,
                                rows - inserted, read.charset)));
    }

    private Uni<Long> insertChunks(Mutiny.Session s, Account account, long importId,
            List<LedgerJournalParser.Entry> entries, int from, long inserted) {
        if (from >= entries.size()) {
            return Uni.createFrom().item(inserted);
        }
        int to = Math.min(from + CHUNK, entries.size());
        return ledger.insertEntries(s, account.id, importId, account.currency, rows(entries.subList(from, to)))
                .chain(n -> insertChunks(s, account, importId, entries, to, inserted + n));
    }

    private String rows(List<LedgerJournalParser.Entry> entries) {
        List<Map<String, Object>> rows = new ArrayList<>(entries.size());
        for (LedgerJournalParser.Entry e : entries) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("line_no", e.lineNo());
            row.put("entry_key", e.key());
            row.put("entry_date", e.date().toString());
            row.put("amount_minor", e.amountMinor());
            row.put("voucher_no", e.voucher());
            row.put("reference", e.reference());
            row.put("counterparty", e.counterparty());
            row.put("memo", e.memo());
            rows.add(row);
        }
        try {
            return json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
