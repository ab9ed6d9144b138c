package io.walletrecon.reports.statements;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.walletrecon.data.Provider;
import io.walletrecon.reports.Column;
import io.walletrecon.reports.ReportsConfig;
import io.walletrecon.reports.Table;
import io.walletrecon.reports.statements.ReportPlan.SqlQuery;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the {@link ReportSql} statements of a report plan on the reactive pool, and reads the reference data a plan
 * needs (account, customer, company). Reports are read models over tables other functions own, so they are
 * native SQL, not entities; every total is an aggregate computed by PostgreSQL.
 */
@ApplicationScoped
public class ReportRepository {

    static final String ACCOUNT = "select id, code, currency, name, company_id, provider from accounts where code = $1";
    static final String CUSTOMER = "select id, name, external_id, company_id from customers where id = $1";
    static final String COMPANY = "select id, code, name from companies where code = $1";

    private final Pool pool;
    private final ReportsConfig config;

    public ReportRepository(Pool pool, ReportsConfig config) {
        this.pool = pool;
        this.config = config;
    }

    /** An account a report names; {@code bank} when its provider is a bank (its statement reads its lines). */
    public record AccountRef(long id, String code, String currency, String name, long companyId, boolean bank) {
    }

    public record CustomerRef(long id, String name, String externalId, long companyId) {
    }

    public record CompanyRef(long id, String code, String name) {
    }

    public Uni<Optional<AccountRef>> account(String code) {
        return pool.preparedQuery(ACCOUNT)
                .execute(Tuple.of(code))
                .map(rows -> first(rows).map(r -> new AccountRef(r.getLong(0), r.getString(1), r.getString(2),
                        r.getString(3), r.getLong(4), Provider.BANK.code().equals(r.getString(5)))));
    }

    public Uni<Optional<CustomerRef>> customer(long id) {
        return pool.preparedQuery(CUSTOMER)
                .execute(Tuple.of(id))
                .map(rows -> first(rows)
                        .map(r -> new CustomerRef(r.getLong(0), r.getString(1), r.getString(2), r.getLong(3))));
    }

    public Uni<Optional<CompanyRef>> company(String code) {
        return pool.preparedQuery(COMPANY)
                .execute(Tuple.of(code))
                .map(rows -> first(rows).map(r -> new CompanyRef(r.getLong(0), r.getString(1), r.getString(2))));
    }

    /** Distinct currencies among the rows of a query (used to refuse a chart that would add currencies). */
    public Uni<List<String>> currencies(SqlQuery query) {
        return pool.preparedQuery(query.statement().currencies())
                .execute(Tuple.from(query.args()))
                .map(rows -> {
                    List<String> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getString(0)));
                    return out;
                });
    }

    public Uni<Table> table(SqlQuery query) {
        return run(query.statement().sql(), query.args(), query);
    }

    private Uni<Table> run(String sql, List<Object> args, SqlQuery query) {
        return pool.preparedQuery(sql).execute(Tuple.from(args))
                .map(rows -> {
                    List<Object[]> out = new ArrayList<>(rows.size());
                    rows.forEach(r -> out.add(values(r, query.columns())));
                    return new Table(query.name(), query.columns(), out);
                });
    }

    public Uni<List<Table>> tables(List<SqlQuery> queries) {
        Uni<List<Table>> acc = Uni.createFrom().item(new ArrayList<>());
        for (SqlQuery q : queries) {
            acc = acc.chain(list -> table(q).map(t -> {
                list.add(t);
                return list;
            }));
        }
        return acc;
    }

    public Uni<Long> count(SqlQuery query) {
        return pool.preparedQuery(query.statement().count()).execute(Tuple.from(query.args()))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    public Uni<Table> page(SqlQuery query, int page, int size) {
        List<Object> args = new ArrayList<>(query.args());
        args.add((long) size);
        args.add(io.walletrecon.data.Paging.offset(page, size));
        return run(query.statement().page(), args, query);
    }

    /**
     * The rows of {@code query} from a server-side cursor, {@code fetch-size} rows per round trip, with back-pressure:
     * a slow reader pauses the cursor instead of filling the heap. The read-only transaction a cursor needs is
     * rolled back and the connection returned whether the stream completes, fails or is cancelled.
     */
    public Multi<Object[]> stream(SqlQuery query) {
        List<Column> columns = query.columns();
        return pool.getConnection().toMulti().flatMap(conn -> conn.begin().toMulti().flatMap(tx -> conn
                .prepare(query.statement().sql()).toMulti()
                .flatMap(statement -> statement.createStream(config.fetchSize(), Tuple.from(query.args())).toMulti())
                .map(row -> values(row, columns))
                .onTermination().call(() -> tx.rollback().onFailure().recoverWithNull()
                        .eventually(conn::close))));
    }

    static Object[] values(Row row, List<Column> columns) {
        Object[] out = new Object[columns.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = row.getValue(i);
            if (v == null) {
                continue;
            }
            out[i] = switch (columns.get(i).kind()) {
                case TEXT -> v.toString();
                case DATE -> v instanceof LocalDate d ? d : LocalDate.parse(v.toString());
                case INTEGER, MONEY -> ((Number) v).longValue();
                case TIMESTAMP -> v instanceof OffsetDateTime t ? t.toInstant() : v;
            };
        }
        return out;
    }

    private static Optional<Row> first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
    }
}
