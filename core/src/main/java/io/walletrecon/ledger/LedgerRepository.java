package io.walletrecon.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.walletrecon.balances.BalanceRepository;
import io.walletrecon.data.Paging;
import io.walletrecon.matching.ExceptionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Every SQL statement over the bank journal's tables (ledger_imports, ledger_entries), binds only. */
@ApplicationScoped
public class LedgerRepository {

    /** ?1 account, ?2 file digest, ?3 charset, ?4 rows, ?5 who. */
    private static final String INSERT_IMPORT = """
            insert into ledger_imports (account_id, file_sha256, charset, rows, inserted, imported_by)
            values (?1, ?2, ?3, ?4, 0, ?5) returning id""";
    /**
     * ?1 account, ?2 import, ?3 currency, ?4 the entries as a JSON array; an entry already there under its key is
     * left as it is.
     */
    private static final String INSERT_ENTRIES = """
            insert into ledger_entries (account_id, import_id, line_no, entry_key, entry_date, amount_minor, currency,
                voucher_no, reference, counterparty, memo)
            select ?1, ?2, x.line_no, x.entry_key, x.entry_date, x.amount_minor, ?3, x.voucher_no, x.reference,
                   x.counterparty, x.memo
            from jsonb_to_recordset(cast(cast(?4 as text) as jsonb)) as x (line_no integer, entry_key text, entry_date date,
                 amount_minor bigint, voucher_no text, reference text, counterparty text, memo text)
            order by x.line_no
            on conflict (account_id, entry_key) do nothing""";
    private static final String SET_INSERTED = "update ledger_imports set inserted = ?2 where id = ?1";

    /** An entry's state: that of the live match of the bank journal that claims it. */
    private static final String STATE = """
            case m.status when 'confirmed' then 'matched' when 'suggested' then 'suggested' else 'unmatched' end""";
    private static final String FROM_ENTRIES = """
            from ledger_entries e
            join accounts a on a.id = e.account_id
            left join match_items mi on mi.match_kind = 'ledger_bank' and mi.item_type = 'ledger_entry'
                 and mi.item_id = e.id and mi.live
            left join matches m on m.id = mi.match_id
            where e.account_id = ?1
              and (cast(?2 as date) is null or e.entry_date >= cast(?2 as date))
              and (cast(?3 as date) is null or e.entry_date <= cast(?3 as date))
              and (cast(?4 as text) is null or\s""" + STATE + " = cast(?4 as text))";
    /** ?1 account, ?2 from, ?3 to, ?4 state (each null for any), ?5 limit, ?6 offset. */
    private static final String PAGE = """
            select cast(json_build_object('id', e.id, 'account', a.code, 'date', e.entry_date, 'amountMinor', e.amount_minor,
                'currency', e.currency, 'voucher', e.voucher_no, 'reference', e.reference, 'counterparty', e.counterparty,
                'memo', e.memo, 'lineNo', e.line_no, 'importId', e.import_id, 'matchState',\s"""
            + STATE + """
                    , 'matchId', m.id, 'matchRule', m.rule,
                        'statementLineIds', (select json_agg(r.item_id order by r.item_id) from match_items r
                                             where r.match_id = m.id and r.item_type = 'statement_line')) as text)
                    """ + FROM_ENTRIES + " order by e.entry_date, e.id limit ?5 offset ?6";
    private static final String COUNT = "select count(*) " + FROM_ENTRIES;

    /** A group of open items: count, total and the first ?5 of them, by date; {@code o} is the open items. */
    private static final String GROUP = """
            select cast(json_build_object('count', (select count(*) from o), 'totalMinor', (select coalesce(sum(amt), 0) from o),
                'items', coalesce((select json_agg(json_build_object('type', x.type, 'id', x.id, 'date', x.d, 'amountMinor', x.amt,
                    'reference', x.ref, 'counterparty', x.cp, 'memo', x.memo, 'exceptionId', x.exc) order by x.d, x.id)
                    from (select * from o order by d, id limit ?5) x), '[]')) as text)""";
    /** The exceptions a person still has to work on. */
    private static final String UNCLOSED = Arrays.stream(ExceptionStatus.values()).filter(x -> !x.closed())
            .map(x -> "'" + x.code() + "'").collect(Collectors.joining(", ", "(", ")"));
    /**
     * ?1 account, ?2 from (null: the beginning), ?3 to, ?4 sign (1 credits, -1 debits), ?5 at most so many items: the
     * bank's lines that the journal does not explain on ?3, each with the exception still open on it, if any.
     */
    private static final String OPEN_LINES = """
            with o as (
              select 'statement_line' as type, l.id, l.value_date as d, l.amount_minor as amt,
                     coalesce(l.bank_reference, l.end_to_end_id) as ref, l.counterparty_name as cp, l.remittance_info as memo,
                     (select max(x.id) from recon_exceptions x where x.statement_line_id = l.id and x.status in %s) as exc
              from statement_lines l
              where l.account_id = ?1 and (cast(?2 as date) is null or l.value_date >= cast(?2 as date))
                and l.value_date <= ?3 and sign(l.amount_minor) = cast(?4 as bigint)
                and not %s)
            """
            .formatted(UNCLOSED, BalanceRepository.journalReconciledOn("statement_line", "l.id", "?3"))
            + GROUP;
    /** As {@link #OPEN_LINES}, for the journal's entries (an entry has no exception: it is a reconciling item). */
    private static final String OPEN_ENTRIES = """
            with o as (
              select 'ledger_entry' as type, e.id, e.entry_date as d, e.amount_minor as amt,
                     coalesce(e.voucher_no, e.reference) as ref, e.counterparty as cp, e.memo, cast(null as bigint) as exc
              from ledger_entries e
              where e.account_id = ?1 and (cast(?2 as date) is null or e.entry_date >= cast(?2 as date))
                and e.entry_date <= ?3 and sign(e.amount_minor) = cast(?4 as bigint)
                and not %s)
            """
            .formatted(BalanceRepository.journalReconciledOn("ledger_entry", "e.id", "?3"))
            + GROUP;

    private final ObjectMapper json;

    public LedgerRepository(ObjectMapper json) {
        this.json = json;
    }

    Uni<Long> insertImport(Mutiny.Session s, long accountId, String sha256, String charset, long rows, String actor) {
        return s.createNativeQuery(INSERT_IMPORT, Long.class).setParameter(1, accountId).setParameter(2, sha256)
                .setParameter(3, charset).setParameter(4, rows).setParameter(5, actor).getSingleResult();
    }

    /** Inserts the entries of {@code entriesJson} not already there; how many it inserted. */
    Uni<Integer> insertEntries(Mutiny.Session s, long accountId, long importId, String currency,
            String entriesJson) {
        return s.createNativeQuery(INSERT_ENTRIES).setParameter(1, accountId).setParameter(2, importId)
                .setParameter(3, currency).setParameter(4, entriesJson).executeUpdate();
    }

    Uni<Void> setInserted(Mutiny.Session s, long importId, long inserted) {
        return s.createNativeQuery(SET_INSERTED).setParameter(1, importId).setParameter(2, inserted).executeUpdate()
                .replaceWithVoid();
    }

    Uni<List<LedgerViews.EntryView>> page(Mutiny.Session s, long accountId, LocalDate from, LocalDate to,
            String state, int page, int size) {
        return s.createNativeQuery(PAGE, String.class).setParameter(1, accountId).setParameter(2, from)
                .setParameter(3, to).setParameter(4, state).setParameter(5, size)
                .setParameter(6, Paging.offset(page, size)).getResultList()
                .map(rows -> rows.stream().map(r -> read(r, LedgerViews.EntryView.class)).toList());
    }

    Uni<Long> count(Mutiny.Session s, long accountId, LocalDate from, LocalDate to, String state) {
        return s.createNativeQuery(COUNT, Long.class).setParameter(1, accountId).setParameter(2, from)
                .setParameter(3, to).setParameter(4, state).getSingleResult();
    }

    /**
     * The bank's lines of one direction ({@code sign} 1 or -1) dated from {@code from} (null: the beginning) to
     * {@code to} that the journal does not explain on {@code to}.
     */
    Uni<LedgerViews.OpenGroup> openLines(Mutiny.Session s, long accountId, LocalDate from, LocalDate to, int sign,
            int limit) {
        return group(s, OPEN_LINES, accountId, from, to, sign, limit);
    }

    /** The journal's entries of one direction that the bank's lines do not explain. */
    Uni<LedgerViews.OpenGroup> openEntries(Mutiny.Session s, long accountId, LocalDate from, LocalDate to, int sign,
            int limit) {
        return group(s, OPEN_ENTRIES, accountId, from, to, sign, limit);
    }

    private Uni<LedgerViews.OpenGroup> group(Mutiny.Session s, String sql, long accountId, LocalDate from,
            LocalDate to, int sign, int limit) {
        return s.createNativeQuery(sql, String.class).setParameter(1, accountId).setParameter(2, from)
                .setParameter(3, to).setParameter(4, sign).setParameter(5, limit).getSingleResult()
                .map(r -> read(r, LedgerViews.OpenGroup.class));
    }

    private <T> T read(String row, Class<T> type) {
        try {
            return json.readValue(row, type);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable row", e);
        }
    }
}
