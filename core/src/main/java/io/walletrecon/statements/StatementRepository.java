package io.walletrecon.statements;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.walletrecon.data.Provider;
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

    /** The columns a staged line moves into statement_lines with (after ?1 statement and ?2 account). */
    private static final String LINE_COLUMNS = """
            line_no, line_key, kind, value_date, booking_date, amount_minor, fee_minor, currency,
                counterparty_name, counterparty_account, bank_reference, end_to_end_id, provider_txn_id, merchant_reference,
                payout_id, remittance_info, raw, balance_after_minor, details""";

    /**
     * A day's statement (?1 statement, ?2 account, ?3 batch, ?4 statement number): the lines
     * an intraday report of the account brought before are the same entries, taken over rather than inserted again.
     * A staged line is the reported line with the same line key, else with the same amount, currency and value date
     * and the same bank reference (AcctSvcrRef), entry reference (NtryRef) or end-to-end id; each pairs with one
     * line at most (the same key first, then the lowest ids). A taken-over line keeps its id (so its matches and
     * exceptions stay), moves to the statement, remembers its report and gains the statement's bank reference and
     * booking date where it had none; the other staged lines are inserted. Counts: inserted, taken over.
     */
    static final String MOVE_CONFIRMING = """
            with staged as (select line_key, value_date, amount_minor, currency, bank_reference, end_to_end_id,
                                   details ->> 'NtryRef' as ntry_ref, booking_date
                              from statement_lines_staging where batch_id = ?3 and statement_no = ?4),
            reported as (select l.id, l.line_key, l.value_date, l.amount_minor, l.currency, l.bank_reference,
                                l.end_to_end_id, l.details ->> 'NtryRef' as ntry_ref
                           from statement_lines l join statements st on st.id = l.statement_id
                          where l.account_id = ?2 and st.account_id = ?2 and st.format in (%2$s)),
            candidates as (
                select s.line_key, r.id, 0 as rank from staged s join reported r on r.line_key = s.line_key
                union all
                select s.line_key, r.id, 1 from staged s join reported r on r.bank_reference = s.bank_reference
                   and r.value_date = s.value_date and r.amount_minor = s.amount_minor and r.currency = s.currency
                union all
                select s.line_key, r.id, 2 from staged s join reported r on r.ntry_ref = s.ntry_ref
                   and r.value_date = s.value_date and r.amount_minor = s.amount_minor and r.currency = s.currency
                union all
                select s.line_key, r.id, 3 from staged s join reported r on r.end_to_end_id = s.end_to_end_id
                   and r.value_date = s.value_date and r.amount_minor = s.amount_minor and r.currency = s.currency),
            ranked as (select line_key, id,
                              row_number() over (partition by line_key order by rank, id) as by_staged,
                              row_number() over (partition by id order by rank, line_key) as by_reported
                         from candidates),
            pairs as (select line_key, id from ranked where by_staged = 1 and by_reported = 1),
            taken as (update statement_lines l set statement_id = ?1, reported_statement_id = l.statement_id,
                             bank_reference = coalesce(l.bank_reference, s.bank_reference),
                             booking_date = coalesce(s.booking_date, l.booking_date)
                        from pairs p join staged s on s.line_key = p.line_key
                       where l.id = p.id
                       returning l.id),
            inserted as (insert into statement_lines (statement_id, account_id, %1$s)
                         select ?1, ?2, %1$s from statement_lines_staging
                          where batch_id = ?3 and statement_no = ?4 and line_key not in (select line_key from pairs)
                         on conflict (account_id, line_key) do nothing
                         returning 1)
            select (select count(*) from inserted), (select count(*) from taken)""".formatted(LINE_COLUMNS,
            IntradayReports.SQL_LIST);

    /**
     * An intraday report (?1 statement, ?2 account, ?3 batch, ?4 statement number): a staged line the account has
     * already (the same line key, or the same amount, currency and value date with the same bank reference, entry
     * reference or end-to-end id, on any statement or report) is not inserted again. Counts: inserted, 0.
     */
    static final String MOVE_REPORTED = """
            with staged as (select * from statement_lines_staging where batch_id = ?3 and statement_no = ?4),
            fresh as (select s.* from staged s
                       where not exists (
                             select 1 from statement_lines l
                              where l.account_id = ?2 and l.value_date = s.value_date
                                and l.amount_minor = s.amount_minor and l.currency = s.currency
                                and ((s.bank_reference is not null and l.bank_reference = s.bank_reference)
                                  or (s.details ->> 'NtryRef' is not null and l.details ->> 'NtryRef' = s.details ->> 'NtryRef')
                                  or (s.end_to_end_id is not null and l.end_to_end_id = s.end_to_end_id)))),
            inserted as (insert into statement_lines (statement_id, account_id, %1$s)
                         select ?1, ?2, %1$s from fresh
                         on conflict (account_id, line_key) do nothing
                         returning 1)
            select (select count(*) from inserted), 0"""
            .formatted(LINE_COLUMNS);

    /** Before a statement ?1 is replaced: the lines it took over from intraday reports go back to them. */
    static final String RETURN_REPORTED = """
            update statement_lines set statement_id = reported_statement_id, reported_statement_id = null
             where statement_id = ?1 and reported_statement_id is not null""";

    /**
     * A bank account's staged lines that no code classified and that name no counterparty account become a fee or
     * interest when their text (remittance, counterparty name, posting text) holds one of the account's keywords,
     * else a built-in one; a line with both is a fee. Binds: $1 built-in fee words, $2 built-in interest words,
     * $3 statement numbers, $4 their accounts, $5 batch.
     */
    static final String CLASSIFY_BY_KEYWORD = """
            with target as (select t.statement_no, t.account_id,
                                   coalesce(k.fee_keywords, ?::text[]) as fee,
                                   coalesce(k.interest_keywords, ?::text[]) as interest
                              from unnest(?::int[], ?::bigint[]) as t(statement_no, account_id)
                              join accounts a on a.id = t.account_id and a.provider = '%s'
                              left join line_keywords k on k.account_id = t.account_id),
            worded as (select s.batch_id, s.statement_no, s.line_no, s.line_key, t.fee, t.interest,
                              lower(concat_ws(' ', s.remittance_info, s.counterparty_name, s.details ->> '?00')) as text
                         from statement_lines_staging s join target t on t.statement_no = s.statement_no
                        where s.batch_id = ? and s.kind = 'payment' and s.counterparty_account is null),
            kinds as (select batch_id, statement_no, line_key,
                             case when exists (select 1 from unnest(fee) w where strpos(text, lower(w)) > 0) then 'fee'
                                  when exists (select 1 from unnest(interest) w where strpos(text, lower(w)) > 0) then 'interest'
                             end as kind
                        from worded)
            update statement_lines_staging s set kind = k.kind
              from kinds k
             where k.kind is not null and s.batch_id = k.batch_id and s.statement_no = k.statement_no
               and s.line_key = k.line_key"""
            .formatted(Provider.BANK.code());

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
        return Panache.getSession().chain(s -> s.createNativeQuery(RETURN_REPORTED).setParameter(1, statementId)
                .executeUpdate()
                .call(() -> s.createNativeQuery(DELETE_LINES).setParameter(1, statementId).executeUpdate())
                .call(() -> s.createNativeQuery(REPLACE_STATEMENT)
                        .setParameter(1, statementId).setParameter(2, format).setParameter(3, h.reference())
                        .setParameter(4, h.periodStart()).setParameter(5, h.periodEnd())
                        .setParameter(6, h.openingBalanceMinor()).setParameter(7, h.closingBalanceMinor())
                        .setParameter(8, fileName).setParameter(9, sha).setParameter(10, actor)
                        .setParameter(11, h.accountInFile()).setParameter(12, content).executeUpdate()));
    }

    /** What moving a staged statement's lines in did: lines inserted, intraday lines taken over. */
    record Moved(int inserted, int confirmed) {
    }

    /**
     * Moves one staged statement's lines in. A day's statement takes over the lines intraday reports brought of the
     * same entries ({@link #MOVE_CONFIRMING}); an intraday report skips what the account has ({@link #MOVE_REPORTED}).
     */
    Uni<Moved> moveLines(long statementId, long accountId, UUID batch, int statementNo, boolean intraday) {
        return Panache.getSession().chain(s -> {
            return s.createNativeQuery(intraday ? MOVE_REPORTED : MOVE_CONFIRMING, Object[].class)
                    .setParameter(1, statementId).setParameter(2, accountId).setParameter(3, batch)
                    .setParameter(4, statementNo).getSingleResult()
                    .map(r -> new Moved(((Number) r[0]).intValue(), ((Number) r[1]).intValue()));
        });
    }

    /**
     * Classifies a bank account's unclassified staged lines by keyword ({@link #CLASSIFY_BY_KEYWORD}): statements
     * {@code statementNos} of the batch, going to {@code accountIds}.
     */
    void classifyByKeyword(UUID batch, int[] statementNos, long[] accountIds) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(CLASSIFY_BY_KEYWORD)) {
            Integer[] nos = new Integer[statementNos.length];
            Long[] ids = new Long[accountIds.length];
            for (int i = 0; i < nos.length; i++) {
                nos[i] = statementNos[i];
                ids[i] = accountIds[i];
            }
            ps.setArray(1, c.createArrayOf("text", LineKinds.DEFAULT_FEE_KEYWORDS.toArray()));
            ps.setArray(2, c.createArrayOf("text", LineKinds.DEFAULT_INTEREST_KEYWORDS.toArray()));
            ps.setArray(3, c.createArrayOf("integer", nos));
            ps.setArray(4, c.createArrayOf("bigint", ids));
            ps.setObject(5, batch);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("statement line classification failed", e);
        }
    }

    Uni<Integer> setLineCount(long statementId, int lines) {
        return Panache.getSession().chain(s -> s.createNativeQuery(SET_LINE_COUNT)
                .setParameter(1, lines).setParameter(2, statementId).executeUpdate());
    }
}
