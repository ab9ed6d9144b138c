package io.walletrecon.reports.statements;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The reports, as they appear in the URL {@code /reports/{name}}. */
public enum ReportName {
    RECONCILIATION("reconciliation", "Reconciliation statement"), DIFFERENCES("differences",
            "Difference report"), FUND_FLOW("fund-flow",
                    "Fund-flow summary"), CUSTOMER_STATEMENT("customer-statement", "Customer statement");

    public final String path;
    public final String title;

    ReportName(String path, String title) {
        this.path = path;
        this.title = title;
    }

    /**
     * The formats the report is written in, by their file extension: every report is data (JSON, CSV, XLSX); the two
     * statements are documents too (PDF); the fund flow is a chart too (PNG, SVG).
     */
    public List<String> formats() {
        return switch (this) {
            case RECONCILIATION, CUSTOMER_STATEMENT -> List.of("json", "csv", "xlsx", "pdf");
            case FUND_FLOW -> List.of("json", "csv", "xlsx", "png", "svg");
            case DIFFERENCES -> List.of("json", "csv", "xlsx");
        };
    }

    public static Optional<ReportName> of(String path) {
        return Arrays.stream(values()).filter(r -> r.path.equals(path)).findFirst();
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(r -> r.path).toList());
    }
}
