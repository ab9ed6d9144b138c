package io.walletrecon.statements;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.walletrecon.accounts.AccountService;
import io.walletrecon.audit.AuditLog;
import io.walletrecon.data.Account;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.money.Money;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Imports one statement or bill file into statements + statement_lines; the REST upload and the
 * {@code statement-import} Lambda both call {@link #importFile}. Blocking: run it on a worker thread.
 *
 * <ol>
 *   <li>The file's SHA-256: the same file for the same account again is a no-op returning the first import.</li>
 *   <li>Charset (BOM, UTF-8, else GBK) and format (from the content unless forced) from the first 64 KiB.</li>
 *   <li>The parser streams lines into the unlogged statement_lines_staging table with COPY; any malformed line
 *       aborts with 422 naming it. Lines must add up from the opening to the closing balance where the file has
 *       both, and no line key may repeat inside the file.</li>
 *   <li>One transaction inserts the statement, moves the lines in ({@code ON CONFLICT (account_id, line_key) DO
 *       NOTHING}: lines an overlapping earlier file brought are not duplicated) and audits the import.</li>
 * </ol>
 */
@ApplicationScoped
public class StatementImportService {

    static final int HEAD = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(StatementImportService.class);

    private final DataSource dataSource;
    private final AccountService accounts;
    private final StatementParsers parsers;
    private final AuditLog audit;

    public StatementImportService(DataSource dataSource, AccountService accounts, StatementParsers parsers, AuditLog audit) {
        this.dataSource = dataSource;
        this.accounts = accounts;
        this.parsers = parsers;
        this.audit = audit;
    }

    /** Copies an upload to a temporary file (constant memory), imports it, deletes it. */
    public StatementImportResult importStream(String accountCode, InputStream body, String fileName, String format, String actor) {
        Path file = null;
        try {
            file = Files.createTempFile("walletrecon-statement-", ".upload");
            try (InputStream in = body) {
                Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return importFile(accountCode, file, fileName, format, actor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless; the OS cleans its temp directory
                }
            }
        }
    }

    public StatementImportResult importFile(String accountCode, Path file, String fileName, String format, String actor) {
        if (accountCode == null || accountCode.isBlank()) {
            throw ApiException.invalid("account is required", List.of(ProblemError.field("account", "is required")));
        }
        Account account = ReactiveBridge.await(() -> Panache.withSession(() -> accounts.require(accountCode)));
        String sha = sha256(file);
        StatementImportResult existing = existing(account, sha);
        if (existing != null) {
            return existing;
        }
        byte[] head = new byte[HEAD];
        int headLength;
        try (InputStream in = Files.newInputStream(file)) {
            headLength = in.readNBytes(head, 0, HEAD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (headLength == 0) {
            throw unprocessable(1, "the file is empty");
        }
        TextDecoding.Detected charset = TextDecoding.detect(head, headLength);
        String headText = new String(head, charset.bomLength(), headLength - charset.bomLength(), charset.charset());
        StatementParser parser = format != null && !format.isBlank() ? parsers.forced(format)
                : parsers.detect(headText).orElseThrow(() -> ApiException.unprocessable(
                "The file's format was not recognised; pass format= one of " + String.join(", ", parsers.formats()),
                List.of(ProblemError.line(1, null, "not camt.053, MT940, an Alipay or WeChat Pay bill, or a Stripe balance CSV"))));

        UUID batch = UUID.randomUUID();
        try {
            long started = System.nanoTime();
            StatementHeader header = stage(account, file, charset, parser, batch);
            long staged = System.nanoTime();
            StatementImportResult result = commit(account, header, parser.format(), sha, fileName, batch, actor);
            LOG.infof("statement %s for %s: %d lines (%d new), parsed and staged in %d ms, committed in %d ms", parser.format(),
                    accountCode, result.lines(), result.inserted(), (staged - started) / 1_000_000, (System.nanoTime() - staged) / 1_000_000);
            return result;
        } finally {
            update("delete from statement_lines_staging where batch_id = ?", batch);
        }
    }

    private StatementHeader stage(Account account, Path file, TextDecoding.Detected charset, StatementParser parser, UUID batch) {
        PgCopy copy = new PgCopy(dataSource, "statement_lines_staging", "batch_id", "line_no", "line_key", "kind", "value_date",
                "booking_date", "amount_minor", "fee_minor", "currency", "counterparty_name", "counterparty_account", "bank_reference",
                "end_to_end_id", "provider_txn_id", "merchant_reference", "payout_id", "remittance_info", "raw");
        long[] sum = {0};
        String[] lineCurrency = {null};
        StatementHeader header;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.skipNBytes(charset.bomLength());
            header = parser.parse(raw, charset.charset(), account.zone(), line -> {
                if (lineCurrency[0] == null) {
                    lineCurrency[0] = line.currency();
                } else if (!lineCurrency[0].equals(line.currency())) {
                    throw new StatementFormatException(line.lineNo(), "currency " + line.currency() + " differs from " + lineCurrency[0]
                            + " earlier in the file; one statement holds one currency");
                }
                sum[0] = Math.addExact(sum[0], line.amountMinor());
                copy.row(batch, line.lineNo(), line.key(), line.kind(), line.valueDate(), line.bookingDate(), line.amountMinor(),
                        line.feeMinor(), line.currency(), line.counterpartyName(), line.counterpartyAccount(), line.bankReference(),
                        line.endToEndId(), line.providerTxnId(), line.merchantReference(), line.payoutId(), line.remittanceInfo(), line.raw());
            });
        } catch (StatementFormatException e) {
            copy.abort();
            throw unprocessable(e.line(), e.getMessage());
        } catch (IOException e) {
            copy.abort();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            copy.abort();
            throw e;
        }
        copy.close();
        String currency = header.currency() != null ? header.currency() : lineCurrency[0] != null ? lineCurrency[0] : account.currency;
        if (lineCurrency[0] != null && !lineCurrency[0].equals(currency)) {
            throw unprocessable(1, "the lines are in " + lineCurrency[0] + " but the statement is in " + currency);
        }
        if (header.openingBalanceMinor() != null && header.closingBalanceMinor() != null
                && header.openingBalanceMinor() + sum[0] != header.closingBalanceMinor()) {
            long difference = header.closingBalanceMinor() - header.openingBalanceMinor() - sum[0];
            throw ApiException.unprocessable("The lines do not add up: opening " + Money.ofMinor(header.openingBalanceMinor(), currency)
                    + " plus lines " + Money.ofMinor(sum[0], currency) + " is " + Money.ofMinor(header.openingBalanceMinor() + sum[0], currency)
                    + " but the closing balance is " + Money.ofMinor(header.closingBalanceMinor(), currency)
                    + " (difference " + Money.ofMinor(difference, currency) + ")", List.of());
        }
        List<ProblemError> repeats = repeatedKeys(batch);
        if (!repeats.isEmpty()) {
            throw ApiException.unprocessable("Line " + repeats.get(0).line() + " " + repeats.get(0).message(), repeats);
        }
        return new StatementHeader(header.reference(), header.accountInFile(), currency, header.periodStart(), header.periodEnd(),
                header.openingBalanceMinor(), header.closingBalanceMinor());
    }

    private StatementImportResult commit(Account account, StatementHeader h, String format, String sha, String fileName, UUID batch, String actor) {
        long lines = countStaged(batch);
        Object[] outcome = ReactiveBridge.inTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into statements (account_id, format, statement_ref, period_start, period_end, currency,
                                                opening_balance_minor, closing_balance_minor, file_name, file_sha256, imported_by)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                        on conflict (account_id, file_sha256) do nothing
                        returning id""", Long.class)
                .setParameter(1, account.id).setParameter(2, format).setParameter(3, h.reference())
                .setParameter(4, h.periodStart()).setParameter(5, h.periodEnd()).setParameter(6, h.currency())
                .setParameter(7, h.openingBalanceMinor()).setParameter(8, h.closingBalanceMinor())
                .setParameter(9, fileName).setParameter(10, sha).setParameter(11, actor)
                .getResultList()
                .chain(ids -> {
                    if (ids.isEmpty()) {
                        // A concurrent upload of the same file won the race: ours changes nothing.
                        return io.smallrye.mutiny.Uni.createFrom().item(new Object[]{null, 0});
                    }
                    long id = ids.get(0);
                    return s.createNativeQuery("""
                                    insert into statement_lines (statement_id, account_id, line_no, line_key, kind, value_date, booking_date,
                                        amount_minor, fee_minor, currency, counterparty_name, counterparty_account, bank_reference, end_to_end_id,
                                        provider_txn_id, merchant_reference, payout_id, remittance_info, raw)
                                    select ?1, ?2, line_no, line_key, kind, value_date, booking_date, amount_minor, fee_minor, currency,
                                        counterparty_name, counterparty_account, bank_reference, end_to_end_id, provider_txn_id,
                                        merchant_reference, payout_id, remittance_info, raw
                                      from statement_lines_staging where batch_id = ?3
                                    on conflict (account_id, line_key) do nothing""")
                            .setParameter(1, id).setParameter(2, account.id).setParameter(3, batch).executeUpdate()
                            .call(inserted -> s.createNativeQuery("update statements set line_count = ?1 where id = ?2")
                                    .setParameter(1, inserted).setParameter(2, id).executeUpdate())
                            .call(inserted -> audit.record(actor, "statement.imported", "statement", id, null,
                                    summary(account.code, format, fileName, sha, lines, inserted)))
                            .map(inserted -> new Object[]{id, inserted});
                })));
        if (outcome[0] == null) {
            return existing(account, sha);
        }
        long inserted = ((Number) outcome[1]).longValue();
        return new StatementImportResult((Long) outcome[0], account.code, format, true, lines, inserted, lines - inserted,
                h.currency(), h.openingBalanceMinor(), h.closingBalanceMinor(), sha);
    }

    private static Map<String, Object> summary(String account, String format, String fileName, String sha, long lines, long inserted) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("account", account);
        m.put("format", format);
        m.put("fileName", fileName);
        m.put("sha256", sha);
        m.put("lines", lines);
        m.put("inserted", inserted);
        return m;
    }

    private StatementImportResult existing(Account account, String sha) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select id, format, line_count, currency, opening_balance_minor, closing_balance_minor from statements where account_id = ? and file_sha256 = ?")) {
            ps.setLong(1, account.id);
            ps.setString(2, sha);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new StatementImportResult(rs.getLong(1), account.code, rs.getString(2), false, rs.getLong(3), 0, rs.getLong(3),
                        rs.getString(4), (Long) rs.getObject(5), (Long) rs.getObject(6), sha);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("statement lookup failed", e);
        }
    }

    private List<ProblemError> repeatedKeys(UUID batch) {
        List<ProblemError> errors = new java.util.ArrayList<>();
        // A hash aggregate finds repeated keys cheaply; the line numbers are looked up only for those.
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                with repeated as (
                    select line_key, min(line_no) as first_line from statement_lines_staging
                     where batch_id = ? group by line_key having count(*) > 1 limit 100)
                select s.line_no, r.first_line, s.line_key
                  from repeated r join statement_lines_staging s on s.batch_id = ? and s.line_key = r.line_key
                 where s.line_no <> r.first_line order by s.line_no limit 100""")) {
            ps.setObject(1, batch);
            ps.setObject(2, batch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    errors.add(ProblemError.line(rs.getLong(1), null, "repeats the transaction of line " + rs.getLong(2)
                            + " (" + rs.getString(3) + ")"));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("statement line check failed", e);
        }
        return errors;
    }

    private long countStaged(UUID batch) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from statement_lines_staging where batch_id = ?")) {
            ps.setObject(1, batch);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("statement staging count failed", e);
        }
    }

    private void update(String sql, Object param) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("statement staging cleanup failed", e);
        }
    }

    private static ApiException unprocessable(long line, String message) {
        return ApiException.unprocessable("Line " + line + ": " + message + "; nothing was imported",
                List.of(ProblemError.line(line, null, message)));
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
