package io.walletrecon.reports.statements;

import io.walletrecon.reports.Column;
import java.util.List;
import java.util.Map;

/**
 * A report resolved against the database's reference data, ready to run: the small summary queries (computed in
 * full) and the detail query (paged in JSON, streamed from a cursor for files).
 */
public record ReportPlan(ReportName name, Map<String, String> parameters, String subject, String currency,
        List<SqlQuery> summaries, SqlQuery detail) {

    /**
     * One of the {@link ReportSql} statements with the values of its binds ($1, $2, ...) and the columns it returns, in
     * order.
     */
    public record SqlQuery(String name, List<Column> columns, ReportSql.Statement statement, List<Object> args) {
    }
}
