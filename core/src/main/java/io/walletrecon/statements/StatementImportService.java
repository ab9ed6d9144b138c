package io.walletrecon.statements;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.walletrecon.accounts.AccountNumbers;
import io.walletrecon.accounts.AccountService;
import io.walletrecon.audit.AuditLog;
import io.walletrecon.data.Account;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.matching.MatchRunRepository;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Imports one statement or bill file into statements + statement_lines; the REST upload (raw body or multipart)
 * and the {@code statement-import} Lambda all call {@link #importFile}. Blocking: run it on a worker thread.
 *
 * <ol>
 * <li>The file's SHA-256: the same file again (for the same account, when one is named) returns the first import.</li>
 * <li>The text: the file, or the bill inside a GZIP or ZIP archive ({@link StatementSource}); charset (forced, or
 * detected by {@link TextDecoding}) and format (forced, or detected from the first 64 KiB).</li>
 * <li>The parser streams lines into the unlogged statement_lines_staging table with COPY ({@link StagingSink});
 * any malformed line, NUL byte or statement whose lines do not add up aborts with 422 naming the line.</li>
 * <li>Each statement goes to its account ({@link StatementRouting}): by the account number it names, else to the
 * account of {@code ?account=}; a statement naming an account we do not have refuses the whole file.</li>
 * <li>One transaction inserts each statement unless its account has it already (same statement key), moves its
 * lines in ({@code ON CONFLICT (account_id, line_key) DO NOTHING}) and audits the import. A bank account's lines
 * that no transaction code classified are classified by its keywords first ({@link LineKinds}); a day's statement
 * takes over the lines intraday reports brought of the same entries ({@link IntradayReports}).</li>
 * </ol>
 */
@ApplicationScoped
public class StatementImportService {

    static final int HEAD = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(StatementImportService.class);

    private final StatementRepository repository;
    private final AccountService accounts;
    private final StatementParsers parsers;
    private final AuditLog audit;
    private final StatementsConfig config;
    private final MatchRunRepository runs;

    public StatementImportService(StatementRepository repository, AccountService accounts, StatementParsers parsers,
            AuditLog audit, StatementsConfig config, MatchRunRepository runs) {
        this.repository = repository;
        this.accounts = accounts;
        this.parsers = parsers;
        this.audit = audit;
        this.config = config;
        this.runs = runs;
    }

    /**
     * What an upload asks for: the account (null: route by the numbers the file names), format and charset (null:
     * detect), and whether a corrected statement replaces the stored one of the same period ({@code replace}).
     */
    /**
     * One upload. {@code from}/{@code to}: the days the file covers, for bills that do not state it (a WeChat Pay trade
     * bill, a Stripe balance report): it tells matching that those days' bill is in even where they had no lines.
     */
    public record Upload(String account, String fileName, String format, String charset, boolean replace,
            LocalDate from, LocalDate to) {

        public Upload(String account, String fileName, String format, String charset) {
            this(account, fileName, format, charset, false, null, null);
        }

        StagingSink.Period period() {
            if (from == null && to == null) {
                return null;
            }
            List<ProblemError> errors = new ArrayList<>();
            if (from == null || to == null) {
                errors.add(ProblemError.field(from == null ? "from" : "to",
                        "give both from and to (the first and the last day the file covers), or neither"));
            } else if (to.isBefore(from)) {
                errors.add(ProblemError.field("to", "the last day " + to + " is before the first day " + from));
            }
            if (!errors.isEmpty()) {
                throw ApiException.invalid("The period of the upload is not valid", errors);
            }
            return new StagingSink.Period(from, to);
        }
    }

    /** Copies an upload to a temporary file (constant memory), imports it, deletes it. */
    public StatementImportResult importStream(String accountCode, InputStream body, String fileName, String format,
            String actor) {
        return importStream(new Upload(accountCode, fileName, format, null), body, actor);
    }

    public StatementImportResult importStream(Upload upload, InputStream body, String actor) {
        Path file = null;
        try {
            file = Files.createTempFile("walletrecon-statement-", ".upload");
            try (InputStream in = body) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return importFile(upload, file, actor);
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

    public StatementImportResult importFile(Upload upload, Path file, String actor) {
        StagingSink.Period period = upload.period();
        Charset forcedCharset = charset(upload.charset());
        StatementParser forcedParser = upload.format() != null && !upload.format().isBlank()
                ? parsers.forced(upload.format())
                : null;
        Account account = upload.account() == null || upload.account().isBlank()
                ? null
                : ReactiveBridge.await(() -> Panache.withSession(() -> accounts.require(upload.account())));
        String sha = sha256(file);
        // The same file to the same account again is answered from what it did the first time. Without account=,
        // the file is read: whether it names its accounts decides (a file that does not is refused, whoever
        // imported it before), and a statement imported before is still recognised by its identity.
        List<StatementRepository.FileImport> before = account == null
                ? List.of()
                : repository.fileImports(sha, account.id);
        if (!before.isEmpty()) {
            return StatementImportResult.of(before.stream().map(StatementImportService::unchanged).toList(), sha);
        }
        UUID batch = UUID.randomUUID();
        try (StatementSource source = open(file)) {
            long started = System.nanoTime();
            byte[] head = source.head(TextDecoding.SNIFF);
            if (head.length == 0) {
                throw unprocessable(1, "the file is empty");
            }
            TextDecoding.Detected detected = TextDecoding.detect(head, head.length);
            Charset charset = forcedCharset != null ? forcedCharset : detected.charset();
            int bom = forcedCharset != null && !forcedCharset.equals(detected.charset()) ? 0 : detected.bomLength();
            StatementParser parser = forcedParser != null ? forcedParser : detect(head, bom, charset);
            if (source.summaryName() != null) {
                parser = withSummary(parser, source);
            }
            List<StagingSink.Staged> staged = stage(source, bom, charset, parser, zones(account), batch,
                    period);
            List<StatementRouting.Target> targets = route(staged, account, batch);
            long parsed = System.nanoTime();
            StatementImportResult result = commit(staged, targets, new Into(sha, upload.fileName(), batch, actor,
                    upload.replace()));
            LOG.infof(
                    "statement file %s: %d statements, %d lines (%d new), parsed and staged in %d ms, committed in %d ms",
                    parser.format(),
                    staged.size(), result.lines(), result.inserted(), (parsed - started) / 1_000_000,
                    (System.nanoTime() - parsed) / 1_000_000);
            return result;
        } catch (StatementFormatException e) {
            throw e instanceof StagingSink.Unbalanced
                    ? ApiException.unprocessable(e.getMessage(),
                            List.of(ProblemError.line(e.line(), null, e.getMessage())))
                    : unprocessable(e.line(), e.getMessage());
        } finally {
            repository.deleteBatch(batch);
        }
    }

    private StatementSource open(Path file) {
        return StatementSource.open(file, config.maxExpandedBytes());
    }

    private StatementParser detect(byte[] head, int bom, Charset charset) {
        int length = Math.min(head.length, HEAD + bom);
        String headText = new String(head, bom, length - bom, charset);
        return parsers.detect(headText).orElseThrow(() -> ApiException.unprocessable(
                "The file's format was not recognised; pass format= one of " + String.join(", ", parsers.formats()),
                List.of(ProblemError.line(1, null,
                        "not a bank statement (camt.052/053/054, MT940, MT942, BAI2), an Alipay or WeChat Pay bill, "
                                + "or a Stripe balance CSV"))));
    }

    private static StatementParser withSummary(StatementParser parser, StatementSource source) {
        byte[] summary = source.summary();
        TextDecoding.Detected d = TextDecoding.detect(summary, summary.length);
        String text = new String(summary, d.bomLength(), summary.length - d.bomLength(), d.charset());
        return parser.withSummary(source.summaryName(), text);
    }

    private List<StagingSink.Staged> stage(StatementSource source, int bom, Charset charset, StatementParser parser,
            AccountZones zones, UUID batch, StagingSink.Period period) {
        PgCopy copy = repository.openStaging();
        StagingSink sink = new StagingSink(copy::row, batch, parser.format(), period,
                parser.statesPeriod());
        try (InputStream in = source.open()) {
            in.skipNBytes(bom);
            parser.parse(in, charset, zones, sink);
        } catch (IOException e) {
            copy.abort();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            copy.abort();
            throw e;
        }
        copy.close();
        List<StagingSink.Staged> statements = sink.statements();
        if (statements.isEmpty()) {
            throw new StatementFormatException(1, "the file holds no statement");
        }
        return statements;
    }

    private List<StatementRouting.Target> route(List<StagingSink.Staged> staged, Account uploadedTo, UUID batch) {
        List<StatementRouting.Target> numbered = repository.accountsByNumber(StatementRouting.candidates(staged))
                .stream()
                .map(a -> new StatementRouting.Target(a.id(), a.code(), a.number(), a.currency())).toList();
        StatementRouting.Target to = uploadedTo == null
                ? null
                : new StatementRouting.Target(uploadedTo.id, uploadedTo.code, uploadedTo.accountNumber,
                        uploadedTo.currency);
        StatementRouting.Routes routes = StatementRouting.route(staged, to, numbered);
        if (routes.accountMissing() && uploadedTo == null) {
            throw ApiException.invalid("account is required: the file does not name its account",
                    List.of(ProblemError.field("account", "is required for a file that does not name its account")));
        }
        if (!routes.errors().isEmpty()) {
            ProblemError first = routes.errors().get(0);
            throw ApiException.unprocessable("Line " + first.line() + ": " + first.message() + "; nothing was imported",
                    routes.errors());
        }
        int[] nos = new int[staged.size()];
        long[] ids = new long[staged.size()];
        for (int i = 0; i < nos.length; i++) {
            nos[i] = staged.get(i).no();
            ids[i] = routes.targets().get(i).id();
        }
        List<ProblemError> repeats = repository.repeatedKeys(batch, nos, ids);
        if (!repeats.isEmpty()) {
            throw ApiException.unprocessable("Line " + repeats.get(0).line() + " " + repeats.get(0).message(), repeats);
        }
        repository.classifyByKeyword(batch, nos, ids);
        return routes.targets();
    }

    /** Where a file's statements go: the file, its staging batch, who imports it and whether it may replace. */
    private record Into(String sha, String fileName, UUID batch, String actor, boolean replace) {
    }

    private StatementImportResult commit(List<StagingSink.Staged> staged, List<StatementRouting.Target> targets,
            Into into) {
        List<StatementImportResult.Statement> done = ReactiveBridge.inTransaction(() -> {
            Uni<List<StatementImportResult.Statement>> chain = Uni.createFrom().item(new ArrayList<>());
            for (int i = 0; i < staged.size(); i++) {
                StagingSink.Staged s = staged.get(i);
                StatementRouting.Target t = targets.get(i);
                chain = chain.call(list -> commitOne(s, t, into).invoke(list::add));
            }
            return chain.call(list -> auditImport(list, into));
        });
        return StatementImportResult.of(done, into.sha());
    }

    private Uni<StatementImportResult.Statement> commitOne(StagingSink.Staged s, StatementRouting.Target t,
            Into into) {
        String currency = s.currency() != null ? s.currency() : t.currency();
        return repository.insertStatement(t.id(), s.format(), s.header(), currency, into.fileName(), into.sha(),
                into.actor(), s.key(), s.content())
                .chain(id -> id == null
                        ? repository.statementByKey(t.id(), s.key()).chain(stored -> again(stored, s, t, into))
                        : moveIn(id, s, t, into).map(moved -> statement(id, t, s, moved, true, null)));
    }

    /**
     * The statement's lines: new ones inserted, and for a day's statement the lines intraday reports brought of the
     * same entries taken over; its line count is both.
     */
    private Uni<StatementRepository.Moved> moveIn(long id, StagingSink.Staged s, StatementRouting.Target t,
            Into into) {
        return repository.moveLines(id, t.id(), into.batch(), s.no(), IntradayReports.isIntraday(s.format()))
                .call(moved -> repository.setLineCount(id, moved.inserted() + moved.confirmed()));
    }

    /**
     * A statement the account has already (same account, format, period and sequence number): a re-download with
     * the same content changes nothing; a corrected re-issue is refused, or replaces it when the upload asks to.
     */
    private Uni<StatementImportResult.Statement> again(StatementRepository.Stored stored, StagingSink.Staged s,
            StatementRouting.Target t, Into into) {
        if (stored.content() == null || stored.content().equals(s.content())) {
            return Uni.createFrom().item(statement(stored.id(), t, s, new StatementRepository.Moved(0, 0), false,
                    null));
        }
        return repository.lineDifference(into.batch(), s.no(), stored.id()).chain(difference -> into.replace()
                ? replace(stored, difference, s, t, into)
                : Uni.createFrom().failure(StatementReissue.refused(stored, difference, s, t.code())));
    }

    private Uni<StatementImportResult.Statement> replace(StatementRepository.Stored stored,
            StatementRepository.LineDifference difference, StagingSink.Staged s, StatementRouting.Target t,
            Into into) {
        return Panache.getSession().chain(session -> runs.tryLock(session, t.id())).chain(locked -> locked
                ? repository.decidedLines(stored.id())
                : Uni.createFrom().failure(StatementReissue.busy(t.code()))).chain(decided -> {
                    if (decided.count() > 0) {
                        return Uni.createFrom().failure(StatementReissue.decided(stored, decided, s, t.code()));
                    }
                    var replaced = new StatementImportResult.Replaced(stored.fileName(), stored.lines(),
                            stored.opening(),
                            stored.closing(), difference.added(), difference.missing());
                    return repository.replaceStatement(stored.id(), s.format(), s.header(), into.fileName(), into.sha(),
                            into.actor(), s.content())
                            .chain(() -> moveIn(stored.id(), s, t, into))
                            .map(moved -> statement(stored.id(), t, s, moved, true, replaced));
                });
    }

    private static StatementImportResult.Statement statement(long id, StatementRouting.Target t, StagingSink.Staged s,
            StatementRepository.Moved moved, boolean created, StatementImportResult.Replaced replaced) {
        StatementHeader h = s.header();
        String currency = s.currency() != null ? s.currency() : t.currency();
        return new StatementImportResult.Statement(id, t.code(), h.accountInFile(), s.format(), h.reference(),
                h.periodStart(), h.periodEnd(),
                currency, h.openingBalanceMinor(), h.closingBalanceMinor(), s.lines(), moved.inserted(),
                moved.confirmed(), created, replaced);
    }

    private Uni<Void> auditImport(List<StatementImportResult.Statement> statements, Into into) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (StatementImportResult.Statement st : statements) {
            if (st.replaced() != null) {
                Map<String, Object> details = summary(st, into.fileName(), into.sha());
                details.put("replacedFile", st.replaced().fileName());
                details.put("replacedLines", st.replaced().lines());
                details.put("replacedOpening", st.replaced().openingBalanceMinor());
                details.put("replacedClosing", st.replaced().closingBalanceMinor());
                details.put("linesAdded", st.replaced().linesAdded());
                details.put("linesDropped", st.replaced().linesDropped());
                chain = chain.call(() -> audit.record(into.actor(), "statement.replaced", "statement", st.id(),
                        "a corrected statement replaces the one imported from " + st.replaced().fileName(), details));
            } else if (st.created()) {
                chain = chain.call(() -> audit.record(into.actor(), "statement.imported", "statement", st.id(), null,
                        summary(st, into.fileName(), into.sha())));
            }
        }
        return chain;
    }

    private static Map<String, Object> summary(StatementImportResult.Statement st, String fileName, String sha) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("account", st.account());
        m.put("format", st.format());
        m.put("accountInFile", st.accountInFile());
        m.put("fileName", fileName);
        m.put("sha256", sha);
        m.put("lines", st.lines());
        m.put("inserted", st.inserted());
        if (st.confirmed() > 0) {
            m.put("confirmedIntradayLines", st.confirmed());
        }
        return m;
    }

    private static StatementImportResult.Statement unchanged(StatementRepository.FileImport f) {
        return new StatementImportResult.Statement(f.id(), f.account(), f.accountInFile(), f.format(), f.reference(),
                f.periodStart(),
                f.periodEnd(), f.currency(), f.opening(), f.closing(), f.lines(), 0, 0, false, null);
    }

    /**
     * The zone each statement's times are read in: that of the account whose number the statement names (as routing
     * finds it), else that of the uploaded account. A statement that names no account of ours and has no uploaded
     * account is refused by routing, so the UTC it is read in never reaches the database.
     */
    private AccountZones zones(Account account) {
        ZoneId uploaded = account != null ? account.zone() : ZoneOffset.UTC;
        Map<String, ZoneId> byNumber = new HashMap<>();
        return inFile -> inFile == null || inFile.isBlank()
                ? uploaded
                : byNumber.computeIfAbsent(inFile, n -> numberedZone(n, uploaded));
    }

    private ZoneId numberedZone(String inFile, ZoneId otherwise) {
        Set<String> candidates = AccountNumbers.candidates(inFile);
        Map<String, String> zoneByNumber = new HashMap<>();
        repository.accountsByNumber(candidates).forEach(a -> zoneByNumber.put(a.number(), a.timeZone()));
        return candidates.stream().map(zoneByNumber::get).filter(Objects::nonNull).findFirst().map(ZoneId::of)
                .orElse(otherwise);
    }

    private static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw ApiException.invalid("charset '" + name + "' is not a known charset",
                    List.of(ProblemError.field("charset",
                            "must be a charset name such as UTF-8, GBK, ISO-8859-2 or windows-1250")));
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
