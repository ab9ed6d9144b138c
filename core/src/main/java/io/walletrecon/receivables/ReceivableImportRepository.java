package io.walletrecon.receivables;

import io.smallrye.mutiny.Uni;
import io.walletrecon.statements.PgCopy;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The SQL of a receivables file import: the unlogged {@code receivables_import_staging} table a file is COPYed into
 * under a batch id, the set-based checks of a staged batch, and moving the batch into {@code receivables}. Staging
 * and checks run over JDBC outside any transaction (a staged batch is private to its import and deleted at the end);
 * moving in runs in the caller's reactive transaction. A repository of its own rather than part of
 * {@link ReceivableRepository}, because the webhook function pays receivables without a JDBC data source and
 * excludes the import.
 */
@ApplicationScoped
public class ReceivableImportRepository {

    static final String[] STAGING_COLUMNS = {"batch_id", "line_no", "customer_external_id", "customer_id",
            "reference", "amount_minor", "currency", "issue_date", "due_date"};
    /** ?1 batch, ?2 company: a row naming its customer by external id gets that customer's id in the company. */
    static final String RESOLVE_EXTERNAL_IDS = """
            update receivables_import_staging s set customer_id = c.id
              from customers c
             where s.batch_id = ? and s.customer_id is null and c.company_id = ? and c.external_id = s.customer_external_id""";
    /** Rows whose customer is unknown in the company (no such external id, or a customer id of another company). */
    static final String UNKNOWN_CUSTOMERS = """
            select s.line_no, s.customer_external_id, s.customer_id from receivables_import_staging s
             where s.batch_id = ?
               and (s.customer_id is null or not exists (select 1 from customers c where c.id = s.customer_id and c.company_id = ?))
             order by s.line_no limit ?""";
    /** Rows that repeat a customer + reference of an earlier row of the same file, with that earlier line. */
    static final String REPEATED_REFERENCES = """
            select line_no, first_line, reference from (
                select line_no, reference, min(line_no) over (partition by customer_id, reference) as first_line
                  from receivables_import_staging where batch_id = ? and customer_id is not null) d
             where line_no <> first_line order by line_no limit ?""";
    /** Rows whose receivable was imported before with other figures. */
    static final String CHANGED_RECEIVABLES = """
            select s.line_no, r.amount_minor, r.currency, r.issue_date, r.due_date, r.id
              from receivables_import_staging s
              join receivables r on r.customer_id = s.customer_id and r.reference = s.reference
             where s.batch_id = ?
               and (r.amount_minor, r.currency, r.issue_date, r.due_date) is distinct from (s.amount_minor, s.currency, s.issue_date, s.due_date)
             order by s.line_no limit ?""";
    /** ?1 batch, ?2 company: the batch's receivables, each once; one imported before is left as it is. */
    static final String MOVE_IN = """
            insert into receivables (company_id, customer_id, reference, amount_minor, currency, issue_date, due_date)
            select ?2, customer_id, reference, amount_minor, currency, issue_date, due_date
              from receivables_import_staging where batch_id = ?1
            on conflict (customer_id, reference) do nothing""";
    static final String DISCARD = "delete from receivables_import_staging where batch_id = ?";

    private final DataSource dataSource;

    public ReceivableImportRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A COPY into the staging table; the caller writes {@link #STAGING_COLUMNS} in order and closes or aborts it. */
    PgCopy openStaging() {
        return new PgCopy(dataSource, "receivables_import_staging", STAGING_COLUMNS);
    }

    void resolveExternalIds(UUID batch, long companyId) {
        update(RESOLVE_EXTERNAL_IDS, batch, companyId);
    }

    /** At most {@code limit} rows whose customer the company does not have, in line order. */
    List<UnknownCustomer> unknownCustomers(UUID batch, long companyId, int limit) {
        return query(UNKNOWN_CUSTOMERS, rs -> new UnknownCustomer(rs.getLong(1), rs.getString(2),
                rs.getObject(3) == null ? null : rs.getLong(3)), batch, companyId, limit);
    }

    /** At most {@code limit} rows repeating an earlier row's customer and reference, in line order. */
    List<RepeatedReference> repeatedReferences(UUID batch, int limit) {
        return query(REPEATED_REFERENCES, rs -> new RepeatedReference(rs.getLong(1), rs.getLong(2), rs.getString(3)),
                batch, limit);
    }

    /** At most {@code limit} rows whose receivable exists with other figures, in line order. */
    List<ChangedReceivable> changedReceivables(UUID batch, int limit) {
        return query(CHANGED_RECEIVABLES,
                rs -> new ChangedReceivable(rs.getLong(1), rs.getLong(6), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)),
                batch, limit);
    }

    /** Inserts the batch's new receivables in the session's transaction; the number inserted. */
    Uni<Integer> moveIn(Mutiny.Session s, UUID batch, long companyId) {
        return s.createNativeQuery(MOVE_IN).setParameter(1, batch).setParameter(2, companyId).executeUpdate();
    }

    void discard(UUID batch) {
        update(DISCARD, batch);
    }

    record UnknownCustomer(long lineNo, String externalId, Long customerId) {
    }

    record RepeatedReference(long lineNo, long firstLine, String reference) {
    }

    record ChangedReceivable(long lineNo, long receivableId, long amountMinor, String currency, LocalDate issueDate,
            LocalDate dueDate) {
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, RowReader<T> reader, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("receivables import check failed", e);
        }
    }

    private void update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("receivables import staging failed", e);
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }
}
