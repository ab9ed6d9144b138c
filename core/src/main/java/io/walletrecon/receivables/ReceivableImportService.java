package io.walletrecon.receivables;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.walletrecon.audit.AuditLog;
import io.walletrecon.companies.Company;
import io.walletrecon.companies.CompanyService;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.money.Money;
import io.walletrecon.money.MoneyFormatException;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.LineErrors;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.statements.Csv;
import io.walletrecon.statements.PgCopy;
import io.walletrecon.statements.TextDecoding;
import io.walletrecon.storage.SpooledUpload;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /receivables/import}: a CSV file of receivables, all or nothing.
 *
 * <p>Pass 1 streams the file once, checks each row's format and COPYs the good rows into the unlogged
 * receivables_import_staging table under a batch id; memory stays constant whatever the file size. Pass 2 checks
 * the batch with set-based SQL (unknown customers, a customer + reference twice in the file, a row that differs
 * from the receivable already imported under its key). Any error rejects the whole file with every bad line
 * listed; otherwise one transaction moves the batch in with {@code ON CONFLICT DO NOTHING}, so importing the same
 * file again inserts nothing.
 */
@ApplicationScoped
public class ReceivableImportService {

    /** The problem body lists at most this many errors; the detail says how many there were. */
    static final int MAX_LISTED_ERRORS = LineErrors.MAX_LISTED;
    private static final Logger LOG = Logger.getLogger(ReceivableImportService.class);
    static final List<String> REQUIRED = List.of("reference", "amount", "currency", "issue_date", "due_date");
    /** A NUL byte is never text: PostgreSQL cannot store it, and a spreadsheet never writes one into a CSV. */
    static final String NUL_CHARACTER = "holds a NUL character (byte 0x00), which is not text; save the file as plain UTF-8 text";

    private final ReceivableImportRepository repository;
    private final CompanyService companies;
    private final AuditLog audit;

    public ReceivableImportService(ReceivableImportRepository repository, CompanyService companies, AuditLog audit) {
        this.repository = repository;
        this.companies = companies;
        this.audit = audit;
    }

    /**
     * Blocking: call from a worker thread (the resource is {@code @Blocking}). The upload is spooled to a temporary
     * file before a database connection is taken ({@link SpooledUpload}).
     */
    public ImportResult importCsv(InputStream body, String company, String actor) {
        try (SpooledUpload upload = SpooledUpload.of(body, "walletrecon-receivables-")) {
            Company into = ReactiveBridge.await(() -> Panache.withSession(() -> companies.resolve(company, "company")));
            return importCsv(upload, into, actor);
        }
    }

    /** The file's customers are the company's: external ids are looked up in it, customer ids must belong to it. */
    private ImportResult importCsv(SpooledUpload upload, Company company, String actor) {
        UUID batch = UUID.randomUUID();
        LineErrors errors = new LineErrors();
        long rows;
        try {
            long started = System.nanoTime();
            rows = stage(upload, batch, errors);
            long staged = System.nanoTime();
            if (rows == 0 && errors.count() == 0) {
                throw ApiException.unprocessable("The file has a header but no receivable rows",
                        List.of(ProblemError.line(2, null, "no rows")));
            }
            checkAgainstDatabase(batch, company, errors);
            long checked = System.nanoTime();
            LOG.infof("receivables import %s: %d rows staged in %d ms, checked in %d ms, %d error(s)", batch, rows,
                    (staged - started) / 1_000_000, (checked - staged) / 1_000_000, errors.count());
            if (errors.count() > 0) {
                throw errors.refusal();
            }
            long total = rows;
            long inserted = ReactiveBridge.inTransaction(() -> Panache.getSession()
                    .chain(s -> repository.moveIn(s, batch, company.id))
                    .call(n -> audit.record(actor, "receivables.imported", "receivable-import", batch, null,
                            Map.of("company", company.code, "rows", total, "inserted", n, "unchanged", total - n)))
                    .map(Integer::longValue));
            return new ImportResult(total, inserted, total - inserted);
        } finally {
            repository.discard(batch);
        }
    }

    private long stage(SpooledUpload upload, UUID batch, LineErrors errors) {
        PgCopy copy = repository.openStaging();
        long rows = 0;
        try (BufferedReader in = TextDecoding.utf8Reader(upload.open())) {
            String headerLine = in.readLine();
            if (headerLine == null || headerLine.isBlank()) {
                throw ApiException.unprocessable("The file is empty; the first line must name the columns",
                        List.of(ProblemError.line(1, null, "missing header row")));
            }
            if (headerLine.indexOf('\0') >= 0) {
                throw ApiException.unprocessable(
                        "Line 1 holds a NUL character (byte 0x00); save the file as plain UTF-8 text",
                        List.of(ProblemError.line(1, null, NUL_CHARACTER)));
            }
            Map<String, Integer> header = header(headerLine);
            long lineNo = 1;
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                rows++;
                if (line.indexOf('\0') >= 0) {
                    errors.add(lineNo, null, NUL_CHARACTER);
                    continue;
                }
                List<String> v;
                try {
                    v = Csv.split(line);
                } catch (IllegalArgumentException e) {
                    errors.add(lineNo, null, e.getMessage());
                    continue;
                }
                if (v.size() != header.size()) {
                    errors.add(lineNo, null,
                            "has " + v.size() + " values, the header names " + header.size() + " columns");
                    continue;
                }
                int before = errors.count();
                String externalId = value(v, header, "customer_external_id");
                String customerIdText = value(v, header, "customer_id");
                Long customerId = null;
                if (externalId == null && customerIdText == null) {
                    errors.add(lineNo, header.containsKey("customer_id") ? "customer_id" : "customer_external_id",
                            "is empty");
                } else if (customerIdText != null) {
                    try {
                        customerId = Long.parseLong(customerIdText);
                    } catch (NumberFormatException e) {
                        errors.add(lineNo, "customer_id", "'" + customerIdText + "' is not a customer id");
                    }
                }
                String reference = value(v, header, "reference");
                if (reference == null) {
                    errors.add(lineNo, "reference", "is empty");
                } else if (reference.length() > 100) {
                    errors.add(lineNo, "reference", "is longer than 100 characters");
                }
                String currency = value(v, header, "currency");
                Money amount = null;
                try {
                    Money.currency(currency);
                    String amountText = value(v, header, "amount");
                    try {
                        amount = Money.parse(amountText, currency);
                        if (amount.minorUnits() <= 0) {
                            errors.add(lineNo, "amount", "must be more than zero");
                        }
                    } catch (MoneyFormatException e) {
                        errors.add(lineNo, "amount", e.getMessage());
                    }
                } catch (MoneyFormatException e) {
                    errors.add(lineNo, "currency", e.getMessage());
                }
                LocalDate issue = date(v, header, "issue_date", lineNo, errors);
                LocalDate due = date(v, header, "due_date", lineNo, errors);
                if (issue != null && due != null && due.isBefore(issue)) {
                    errors.add(lineNo, "due_date", "is before issue_date");
                }
                if (errors.count() == before) {
                    copy.row(batch, lineNo, externalId, customerId, reference, amount.minorUnits(),
                            amount.currencyCode(), issue, due);
                }
            }
        } catch (IOException e) {
            copy.abort();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            copy.abort();
            throw e;
        }
        copy.close();
        return rows;
    }

    private static Map<String, Integer> header(String line) {
        List<String> names = Csv.split(line);
        Map<String, Integer> header = new HashMap<>();
        List<ProblemError> problems = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).trim().toLowerCase(Locale.ROOT);
            if (!name.matches("customer_external_id|customer_id|reference|amount|currency|issue_date|due_date")) {
                problems.add(ProblemError.line(1, names.get(i), "is not a receivables column"));
            } else if (header.put(name, i) != null) {
                problems.add(ProblemError.line(1, name, "appears twice"));
            }
        }
        for (String required : REQUIRED) {
            if (!header.containsKey(required)) {
                problems.add(ProblemError.line(1, required, "column is missing"));
            }
        }
        if (!header.containsKey("customer_external_id") && !header.containsKey("customer_id")) {
            problems.add(ProblemError.line(1, "customer_external_id", "column is missing (or give customer_id)"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.unprocessable("The header row is wrong: line 1, column " + problems.get(0).column() + " "
                    + problems.get(0).message()
                    + "; expected customer_external_id (or customer_id), reference, amount, currency, issue_date, due_date",
                    problems);
        }
        return header;
    }

    private static String value(List<String> v, Map<String, Integer> header, String column) {
        Integer i = header.get(column);
        if (i == null) {
            return null;
        }
        String s = v.get(i).trim();
        return s.isEmpty() ? null : s;
    }

    private static LocalDate date(List<String> v, Map<String, Integer> header, String column, long lineNo,
            LineErrors errors) {
        String s = value(v, header, column);
        if (s == null) {
            errors.add(lineNo, column, "is empty");
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            errors.add(lineNo, column, "'" + s + "' is not a date (yyyy-MM-dd)");
            return null;
        }
    }

    /** Set-based checks of a staged batch; each adds one error per offending line. */
    private void checkAgainstDatabase(UUID batch, Company company, LineErrors errors) {
        repository.resolveExternalIds(batch, company.id);
        for (ReceivableImportRepository.UnknownCustomer u : repository.unknownCustomers(batch, company.id,
                MAX_LISTED_ERRORS)) {
            errors.add(u.lineNo(), u.externalId() != null ? "customer_external_id" : "customer_id",
                    "no customer with "
                            + (u.externalId() != null ? "external id '" + u.externalId() + "'" : "id " + u.customerId())
                            + " in company '" + company.code + "'");
        }
        for (ReceivableImportRepository.RepeatedReference r : repository.repeatedReferences(batch,
                MAX_LISTED_ERRORS)) {
            errors.add(r.lineNo(), "reference",
                    "repeats customer and reference '" + r.reference() + "' of line " + r.firstLine());
        }
        for (ReceivableImportRepository.ChangedReceivable c : repository.changedReceivables(batch,
                MAX_LISTED_ERRORS)) {
            errors.add(c.lineNo(), "reference", "receivable " + c.receivableId() + " was imported before with amount "
                    + Money.ofMinor(c.amountMinor(), c.currency()) + ", issued " + c.issueDate() + ", due "
                    + c.dueDate() + "; change it through the API rather than by re-import");
        }
    }
}
