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
                                    closing_balance_minor, file_name, file_sha256, imported_by, statement_key, account_in_file)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
            on conflict (account_id, statement_key) do nothing
            returning id""";

    static final String STATEMENT_BY_KEY = "select id from statements where account_id = ?1 and statement_key = ?2";

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
            String actor, String key) {
        return Panache.getSession().chain(s -> s.createNativeQuery(INSERT_STATEMENT, Long.class)
                .setParameter(1, accountId).setParameter(2, format).setParameter(3, h.reference())
                .setParameter(4, h.periodStart()).setParameter(5, h.periodEnd()).setParameter(6, currency)
                .setParameter(7, h.openingBalanceMinor()).setParameter(8, h.closingBalanceMinor())
                .setParameter(9, fileName).setParameter(10, sha).setParameter(11, actor).setParameter(12, key)
                .setParameter(13, h.accountInFile())
                .getResultList()
                .map(ids -> ids.isEmpty() ? null : ids.get(0)));
    }

    Uni<Long> statementByKey(long accountId, String key) {
        return Panache.getSession().chain(s -> s.createNativeQuery(STATEMENT_BY_KEY, Long.class)
                .setParameter(1, accountId).setParameter(2, key).getSingleResult());
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
