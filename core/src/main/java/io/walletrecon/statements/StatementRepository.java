package io.walletrecon.statements;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.walletrecon.problem.ProblemError;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Every SQL statement of the statement import. Staging (COPY, checks over a batch, cleanup) runs over JDBC on a
 * worker thread; the final move into statements / statement_lines runs in the caller's Hibernate Reactive
 * transaction, so its audit row commits with it.
 */
@ApplicationScoped
public class StatementRepository {

    static final String[] STAGING_COLUMNS = {"batch_id", "statement_no", "line_no", "line_key", "kind", "value_date",
            "booking_date",
            "amount_minor", "fee_minor", "currency", "counterparty_name", "counterparty_account", "bank_reference",
            "end_to_end_id",
            "provider_txn_id", "merchant_reference", "payout_id", "remittance_info", "raw", "balance_after_minor",
            "details"};

    static final String FILE_IMPORTS = """
            select s.id, a.code, s.format, s.line_count, s.currency, s.opening_balance_minor, s.closing_balance_minor,
                   s.statement_ref, s.account_in_file, s.period_start, s.period_end
              from statements s join accounts a on a.id = s.account_id
             where s.file_sha256 = ? and (?::bigint is null or s.account_id = ?::bigint)
             order by s.id""";

    static final String ACCOUNTS_BY_NUMBER = """
            select id, code, account_number, currency, time_zone from accounts where account_number = any (?)""";

    /** Keys repeated inside one target account across the batch: $1 statement numbers, $2 their accounts, $3 batch. */
    static final String REPEATED_KEYS = """
            with target as (select * from unnest(?::int[], ?::bigint[]) as t(statement_no, account_id)),
            staged as (select t.account_id, s.line_no, s.line_key
                         from statement_lines_staging s join target t on t.statement_no = s.statement_no
                        where s.batch_id = ?),
            repeated as (select account_id, line_key, min(line_no) as first_line from staged
                          group by account_id, line_key having count(*) > 1 limit 100)
            select s.line_no, r.first_line, s.line_key
              from repeated r join staged s on s.account_id = r.account_id and s.line_key = r.line_key
             where s.line_no <> r.first_line order by s.line_no limit 100""";

    static final String DELETE_BATCH = "delete from statement_lines_staging where batch_id = ?";

    static final String INSERT_STATEMENT = """
            insert into statements (account_id, format, statement_ref, period_start, period_end, currency, opening_balance_minor,
                                    closing_balance_minor, file_name, file_sha256, imported_by, statement_key, account_in_file,
                                    content_key)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
            on conflict (account_id, statement_key) do nothing
            returning id""";

    static final String STATEMENT_BY_KEY = """
            select id, content_key, line_count, opening_balance_minor, closing_balance_minor, file_name, statement_ref
              from statements where account_id = ?1 and statement_key = ?2""";

    /**
     * ?1 batch, ?2 statement number, ?3 stored statement: lines of the staged statement the stored one lacks (count,
     * first file line) and lines of the stored one the staged one lacks (count, first line key).
     */
    static final String LINE_DIFFERENCE = """
            with staged as (select line_no, line_key from statement_lines_staging where batch_id = ?1 and statement_no = ?2),
            stored as (select line_key from statement_lines where statement_id = ?3),
            added as (select line_no from staged where line_key not in (select line_key from stored)),
            missing as (select line_key from stored where line_key not in (select line_key from staged))
            select (select count(*) from added), (select min(line_no) from added),
                   (select count(*) from missing), (select min(line_key) from missing)""";

    /**
     * ?1 statement: its lines a decision depends on (a live item of a match, whatever its status, or an exception),
     * how many and the first one's key.
     */
    static final String DECIDED_LINES = """
            select count(*), min(l.line_key) from statement_lines l
             where l.statement_id = ?1
               and (exists (select 1 from match_items mi where mi.item_type = 'statement_line' and mi.item_id = l.id and mi.live)
                    or exists (select 1 from recon_exceptions e where e.statement_line_id = l.id))""";

    static final String DELETE_LINES = "delete from statement_lines where statement_id = ?1";

    static final String REPLACE_STATEMENT = """
            update statements set format = ?2, statement_ref = ?3, period_start = ?4, period_end = ?5,
                   opening_balance_minor = ?6, closing_balance_minor = ?7, file_name = ?8, file_sha256 = ?9,
                   imported_by = ?10, imported_at = now(), account_in_file = ?11, content_key = ?12
             where id = ?1""";

    static final String MOVE_LINES = """
            insert into statement_lines (statement_id, account_id, line_no, line_key, kind, value_date, booking_date,
                amount_minor, fee_minor, currency, counterparty_name, counterparty_account, bank_reference, end_to_end_id,
                provider_txn_id, merchant_reference, payout_id, remittance_info, raw, balance_after_minor, details)
            select ?1, ?2, line_no, line_key, kind, value_date, booking_date, amount_minor, fee_minor, currency,
                counterparty_name, counterparty_account, bank_reference, end_to_end_id, provider_txn_id,
                merchant_reference, payout_id, remittance_info, raw, balance_after_minor, details
              from statement_lines_staging where batch_id = ?3 and statement_no = ?4
            on conflict (account_id, line_key) do nothing""";

    static final String SET_LINE_COUNT = "update statements set line_count = ?1 where id = ?2";

    /** A statement an earlier import of the same file stored. */
    public record FileImport(long id, String account, String format, long lines, String currency, Long opening,
            Long closing,
            String reference, String accountInFile, LocalDate periodStart, LocalDate periodEnd) {
    }

    /** A statement stored under the same key as one being imported: what it says. */
    record Stored(long id, String content, long lines, Long opening, Long closing, String fileName,
            String reference) {
    }

    /** How the lines of a staged statement differ from a stored one's (by line key). */
    record LineDifference(long added, Integer firstAddedLine, long missing, String firstMissingKey) {
    }

    /** Lines of a statement that matches or exceptions depend on. */
    record DecidedLines(long count, String firstKey) {
    }

    /** An account that states its number, as routing needs it. */
    public record NumberedAccount(long id, String code, String number, String currency, String timeZone) {
    }

    private final DataSource dataSource;

    public StatementRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    PgCopy openStaging() {
        return new PgCopy(dataSource, "statement_lines_staging", STAGING_COLUMNS);
    }

    /** The statements stored from this file (for one account when {@code accountId} is given), oldest first. */
    List<FileImport> fileImports(String sha256, Long accountId) {
        List<FileImport> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(FILE_IMPORTS)) {
            ps.setString(1, sha256);
            ps.setObject(2, accountId);
            ps.setObject(3, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new FileImport(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getString(5),
                            (Long) rs.getObject(6), (Long) rs.getObject(7), rs.getString(8), rs.getString(9),
                            rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("statement lookup failed", e);
        }
        return out;
    }

    List<NumberedAccount> accountsByNumber(Collection<String> numbers) {
        List<NumberedAccount> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ACCOUNTS_BY_NUMBER)) {
            Array array = c.createArrayOf("text", numbers.toArray());
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new NumberedAccount(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("account lookup failed", e);
        }
        return out;
    }

    List<ProblemError> repeatedKeys(UUID batch, int[] statementNos, long[] accountIds) {
        List<ProblemError> errors = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(REPEATED_KEYS)) {
            Integer[] nos = new Integer[statementNos.length];
            Long[] ids = new Long[accountIds.length];
            for (int i = 0; i < nos.length; i++) {
                nos[i] = statementNos[i];
                ids[i] = accountIds[i];
            }
            ps.setArray(1, c.createArrayOf("integer", nos));
            ps.setArray(2, c.createArrayOf("bigint", ids));
            ps.setObject(3, batch);
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

    void deleteBatch(UUID batch) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(DELETE_BATCH)) {
            ps.setObject(1, batch);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("statement staging cleanup failed", e);
        }
    }

    /** Inserts a statement unless the account has it already (same statement key); null when it existed. */
    Uni<Long> insertStatement(long accountId, String format, StatementHeader h, String currency, String fileName,
            String sha,
            String actor, String key, String content) {
        return Panache.getSession().chain(s -> s.createNativeQuery(INSERT_STATEMENT, Long.class)
                .setParameter(1, accountId).setParameter(2, format).setParameter(3, h.reference())
                .setParameter(4, h.periodStart()).setParameter(5, h.periodEnd()).setParameter(6, currency)
                .setParameter(7, h.openingBalanceMinor()).setParameter(8, h.closingBalanceMinor())
                .setParameter(9, fileName).setParameter(10, sha).setParameter(11, actor).setParameter(12, key)
                .setParameter(13, h.accountInFile()).setParameter(14, content)
                .getResultList()
                .map(ids -> ids.isEmpty() ? null : ids.get(0)));
    }

    Uni<Stored> statementByKey(long accountId, String key) {
        return Panache.getSession().chain(s -> s.createNativeQuery(STATEMENT_BY_KEY, Object[].class)
                .setParameter(1, accountId).setParameter(2, key).getSingleResult()
                .map(r -> new Stored(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).longValue(),
                        r[3] == null ? null : ((Number) r[3]).longValue(),
                        r[4] == null ? null : ((Number) r[4]).longValue(), (String) r[5], (String) r[6])));
    }

    Uni<LineDifference> lineDifference(UUID batch, int statementNo, long statementId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(LINE_DIFFERENCE, Object[].class)
                .setParameter(1, batch).setParameter(2, statementNo).setParameter(3, statementId).getSingleResult()
                .map(r -> new LineDifference(((Number) r[0]).longValue(),
                        r[1] == null ? null : ((Number) r[1]).intValue(), ((Number) r[2]).longValue(),
                        (String) r[3])));
    }

    Uni<DecidedLines> decidedLines(long statementId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(DECIDED_LINES, Object[].class)
                .setParameter(1, statementId).getSingleResult()
                .map(r -> new DecidedLines(((Number) r[0]).longValue(), (String) r[1])));
    }

    /** Puts a corrected statement in place of the stored one: same row, its lines gone, the new header. */
    Uni<Integer> replaceStatement(long statementId, String format, StatementHeader h, String fileName, String sha,
            String actor, String content) {
        return Panache.getSession().chain(s -> s.createNativeQuery(DELETE_LINES).setParameter(1, statementId)
                .executeUpdate()
                .call(() -> s.createNativeQuery(REPLACE_STATEMENT)
                        .setParameter(1, statementId).setParameter(2, format).setParameter(3, h.reference())
                        .setParameter(4, h.periodStart()).setParameter(5, h.periodEnd())
                        .setParameter(6, h.openingBalanceMinor()).setParameter(7, h.closingBalanceMinor())
                        .setParameter(8, fileName).setParameter(9, sha).setParameter(10, actor)
                        .setParameter(11, h.accountInFile()).setParameter(12, content).executeUpdate()));
    }

    /** Moves one staged statement's lines in; lines the account already has (same key) are skipped. */
    Uni<Integer> moveLines(long statementId, long accountId, UUID batch, int statementNo) {
        return Panache.getSession().chain(s -> s.createNativeQuery(MOVE_LINES)
                .setParameter(1, statementId).setParameter(2, accountId).setParameter(3, batch)
                .setParameter(4, statementNo)
                .executeUpdate());
    }

    Uni<Integer> setLineCount(long statementId, int lines) {
        return Panache.getSession().chain(s -> s.createNativeQuery(SET_LINE_COUNT)
                .setParameter(1, lines).setParameter(2, statementId).executeUpdate());
    }
}
