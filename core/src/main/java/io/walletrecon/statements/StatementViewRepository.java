package io.walletrecon.statements;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.walletrecon.data.Paging;
import io.walletrecon.matching.ExceptionStatus;
import io.walletrecon.matching.MatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.LocalDate;
import java.util.List;

/**
 * The SQL of what a finance user sees of imports: the statements of a company or account with their lines' match
 * states counted, one statement's lines with their match and open exception, and an account's classification
 * keywords. Binds only; rows are built as JSON objects and read into {@link StatementViews}.
 */
@ApplicationScoped
public class StatementViewRepository {

    /** The lines of statement {@code %s}: the ones it holds and those it brought as an intraday report. */
    private static final String LINES_OF = "(l.statement_id = %1$s or l.reported_statement_id = %1$s)";

    /** The match that holds line {@code l} (a live item; a confirmed match before a suggested one), as {@code hm}. */
    private static final String HOLDING_MATCH = """
            left join lateral (select m.id, m.kind, m.status from match_items mi join matches m on m.id = mi.match_id
                                where mi.item_type = 'statement_line' and mi.item_id = l.id and mi.live
                                  and m.status in ('%1$s', '%2$s')
                                order by m.status = '%1$s' desc, m.id limit 1) hm on true"""
            .formatted(MatchStatus.CONFIRMED.code(), MatchStatus.SUGGESTED.code());

    private static final String MATCH_STATE = "case hm.status when '%s' then 'matched' when '%s' then 'suggested'"
            .formatted(MatchStatus.CONFIRMED.code(), MatchStatus.SUGGESTED.code()) + " else 'unmatched' end";

    /**
     * ?1 company id, ?2 account code, ?3 from, ?4 to (each null: any): statements whose days (their period, else
     * their lines' value dates, else the day they were imported) meet from..to.
     */
    private static final String LISTED = """
            with listed as (
                select s.*, a.code as account, c.code as company,
                       coalesce(s.period_start, d.first_day) as first_day, coalesce(s.period_end, d.last_day) as last_day
                  from statements s join accounts a on a.id = s.account_id join companies c on c.id = a.company_id
                  left join lateral (select min(l.value_date) as first_day, max(l.value_date) as last_day
                                       from statement_lines l where s.period_end is null and %s) d on true
                 where (cast(?1 as bigint) is null or a.company_id = cast(?1 as bigint))
                   and (cast(?2 as text) is null or a.code = cast(?2 as text))
                   and (cast(?3 as date) is null or coalesce(s.period_end, d.last_day, cast(s.imported_at as date)) >= cast(?3 as date))
                   and (cast(?4 as date) is null or coalesce(s.period_start, d.first_day, cast(s.imported_at as date)) <= cast(?4 as date)))
            """
            .formatted(LINES_OF.formatted("s.id"));

    private static final String PAGE = LISTED + """
            select cast(json_build_object('id', p.id, 'account', p.account, 'company', p.company, 'format', p.format,
                       'intraday', p.format in (%s), 'reference', p.statement_ref, 'accountInFile', p.account_in_file,
                       'periodStart', p.first_day, 'periodEnd', p.last_day, 'currency', p.currency,
                       'openingBalanceMinor', p.opening_balance_minor, 'closingBalanceMinor', p.closing_balance_minor,
                       'lines', coalesce(n.lines, 0), 'matched', coalesce(n.matched, 0),
                       'suggested', coalesce(n.suggested, 0), 'unmatched', coalesce(n.unmatched, 0),
                       'classified', coalesce(n.classified, 0),
                       'confirmedBy', (select json_agg(distinct l.statement_id) from statement_lines l
                                        where l.reported_statement_id = p.id),
                       'fileName', p.file_name, 'importedAt', p.imported_at, 'importedBy', p.imported_by) as text)
              from (select * from listed order by last_day desc nulls last, id desc limit ?5 offset ?6) p
              left join lateral (
                   select count(*) as lines,
                          count(*) filter (where st = 'matched') as matched,
                          count(*) filter (where st = 'suggested') as suggested,
                          count(*) filter (where st = 'unmatched' and kind not in ('%s', '%s')) as unmatched,
                          count(*) filter (where st = 'unmatched' and kind in ('%s', '%s')) as classified
                     from (select l.kind, %s as st from statement_lines l
                           %s
                           where %s) q) n on true
             order by p.last_day desc nulls last, p.id desc"""
            .formatted(IntradayReports.SQL_LIST, LineKinds.FEE, LineKinds.INTEREST, LineKinds.FEE,
                    LineKinds.INTEREST, MATCH_STATE, HOLDING_MATCH, LINES_OF.formatted("p.id"));

    private static final String COUNT = LISTED + "select count(*) from listed";

    /** ?1 statement: its account's company, or no row. */
    private static final String COMPANY_OF = """
            select a.company_id from statements s join accounts a on a.id = s.account_id where s.id = ?1""";

    /** ?1 statement, ?2 limit, ?3 offset: its lines by value date, then as imported. */
    private static final String LINES = """
            select cast(json_build_object('id', l.id, 'statementId', l.statement_id,
                       'reportedStatementId', l.reported_statement_id, 'lineNo', l.line_no, 'valueDate', l.value_date,
                       'bookingDate', l.booking_date, 'amountMinor', l.amount_minor, 'feeMinor', l.fee_minor,
                       'currency', l.currency, 'kind', l.kind, 'counterpartyName', l.counterparty_name,
                       'counterpartyAccount', l.counterparty_account, 'bankReference', l.bank_reference,
                       'endToEndId', l.end_to_end_id, 'merchantReference', l.merchant_reference,
                       'payoutId', l.payout_id, 'providerTxnId', l.provider_txn_id, 'remittance', l.remittance_info,
                       'details', l.details, 'matchState', %s, 'matchId', hm.id, 'matchKind', hm.kind,
                       'exception', case when ex.id is not null
                                         then json_build_object('id', ex.id, 'type', ex.type, 'status', ex.status) end) as text)
              from statement_lines l
              %s
              left join lateral (select e.id, e.type, e.status from recon_exceptions e
                                  where e.statement_line_id = l.id and e.status in ('%s', '%s')
                                  order by e.id limit 1) ex on true
             where %s
             order by l.value_date, l.id limit ?2 offset ?3"""
            .formatted(MATCH_STATE, HOLDING_MATCH, ExceptionStatus.OPEN.code(), ExceptionStatus.IN_REVIEW.code(),
                    LINES_OF.formatted("?1"));

    private static final String LINE_COUNT = "select count(*) from statement_lines l where "
            + LINES_OF.formatted("?1");

    /** ?1 account: its keywords (fee, interest as JSON arrays), who set them and when; no row: built-in ones. */
    private static final String KEYWORDS = """
            select cast(json_build_object('feeKeywords', to_json(fee_keywords), 'interestKeywords', to_json(interest_keywords),
                       'updatedBy', updated_by, 'updatedAt', updated_at) as text)
              from line_keywords where account_id = ?1""";

    /**
     * ?1 account, ?2 fee words, ?3 interest words (each joined by the unit separator U+001F, which a keyword cannot
     * hold), ?4 who.
     */
    private static final String PUT_KEYWORDS = """
            insert into line_keywords (account_id, fee_keywords, interest_keywords, updated_by)
            select ?1, string_to_array(cast(?2 as text), chr(31)), string_to_array(cast(?3 as text), chr(31)), ?4
            on conflict (account_id) do update set fee_keywords = excluded.fee_keywords,
                   interest_keywords = excluded.interest_keywords, updated_by = excluded.updated_by, updated_at = now()""";

    /** The list's filters, each null for any. */
    record Filter(Long companyId, String account, LocalDate from, LocalDate to) {
    }

    /** An account's stored keywords. */
    @io.quarkus.runtime.annotations.RegisterForReflection
    record Keywords(List<String> feeKeywords, List<String> interestKeywords, String updatedBy,
            java.time.Instant updatedAt) {
    }

    private final ObjectMapper json;

    public StatementViewRepository(ObjectMapper json) {
        this.json = json;
    }

    Uni<List<StatementViews.StatementView>> page(Mutiny.Session s, Filter f, int page, int size) {
        return bind(s.createNativeQuery(PAGE, String.class), f).setParameter(5, size)
                .setParameter(6, Paging.offset(page, size)).getResultList()
                .map(rows -> rows.stream().map(r -> read(r, StatementViews.StatementView.class)).toList());
    }

    Uni<Long> count(Mutiny.Session s, Filter f) {
        return bind(s.createNativeQuery(COUNT, Long.class), f).getSingleResult();
    }

    private static <R> Mutiny.SelectionQuery<R> bind(Mutiny.SelectionQuery<R> q, Filter f) {
        return q.setParameter(1, f.companyId()).setParameter(2, f.account()).setParameter(3, f.from())
                .setParameter(4, f.to());
    }

    /** The company of statement {@code id}'s account; null when there is no such statement. */
    Uni<Long> companyOf(Mutiny.Session s, long id) {
        return s.createNativeQuery(COMPANY_OF, Long.class).setParameter(1, id).getResultList()
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    Uni<List<StatementViews.LineView>> lines(Mutiny.Session s, long statementId, int page, int size) {
        return s.createNativeQuery(LINES, String.class).setParameter(1, statementId).setParameter(2, size)
                .setParameter(3, Paging.offset(page, size)).getResultList()
                .map(rows -> rows.stream().map(r -> read(r, StatementViews.LineView.class)).toList());
    }

    Uni<Long> lineCount(Mutiny.Session s, long statementId) {
        return s.createNativeQuery(LINE_COUNT, Long.class).setParameter(1, statementId).getSingleResult();
    }

    /** The account's own keywords, or null when it uses the built-in ones. */
    Uni<Keywords> keywords(Mutiny.Session s, long accountId) {
        return s.createNativeQuery(KEYWORDS, String.class).setParameter(1, accountId).getResultList()
                .map(rows -> rows.isEmpty() ? null : read(rows.get(0), Keywords.class));
    }

    Uni<Integer> putKeywords(Mutiny.Session s, long accountId, List<String> fee, List<String> interest,
            String actor) {
        return s.createNativeQuery(PUT_KEYWORDS).setParameter(1, accountId).setParameter(2, write(fee))
                .setParameter(3, write(interest)).setParameter(4, actor).executeUpdate();
    }

    private <T> T read(String row, Class<T> type) {
        try {
            return json.readValue(row, type);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable row", e);
        }
    }

    private static String write(List<String> words) {
        return String.join("\u001f", words);
    }
}
