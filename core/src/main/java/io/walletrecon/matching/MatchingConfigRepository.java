package io.walletrecon.matching;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.LocalTime;

/**
 * Every statement over {@code matching_config}: an account's row as JSON (absent: none), and its upsert. Binds only.
 */
@ApplicationScoped
public class MatchingConfigRepository {

    private static final String FIND = """
            select cast(json_build_object('toleranceMinor', c.tolerance_minor, 'toleranceBps', c.tolerance_bps,
                'dateWindowDays', c.date_window_days, 'rules', c.rules, 'settlementAfterDays', c.settlement_after_days,
                'dayEndTime', to_char(c.day_end_time, 'HH24:MI'), 'settlementAccount', sa.code,
                'graceDays', c.grace_days, 'fxToleranceBps', c.fx_tolerance_bps, 'fxRates', c.fx_rates,
                'notDebitedAfterBusinessDays', c.not_debited_after_business_days, 'bankHolidays', c.bank_holidays) as text)
            from matching_config c left join accounts sa on sa.id = c.settlement_account_id
            where c.account_id = ?1""";
    private static final String UPSERT = """
            insert into matching_config (account_id, tolerance_minor, tolerance_bps, date_window_days, rules,
                settlement_after_days, day_end_time, settlement_account_id, updated_by, grace_days, fx_tolerance_bps,
                fx_rates, not_debited_after_business_days, bank_holidays)
            values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as time), cast(?9 as bigint), ?8, ?10, ?11, ?12, ?13,
                cast(string_to_array(cast(?14 as text), ',') as date[]))
            on conflict (account_id) do update set tolerance_minor = excluded.tolerance_minor,
                tolerance_bps = excluded.tolerance_bps, date_window_days = excluded.date_window_days,
                rules = excluded.rules, settlement_after_days = excluded.settlement_after_days,
                day_end_time = excluded.day_end_time, settlement_account_id = excluded.settlement_account_id,
                grace_days = excluded.grace_days, fx_tolerance_bps = excluded.fx_tolerance_bps,
                fx_rates = excluded.fx_rates, not_debited_after_business_days = excluded.not_debited_after_business_days,
                bank_holidays = excluded.bank_holidays,
                updated_by = excluded.updated_by, updated_at = now(), version = matching_config.version + 1""";

    /**
     * What is stored for one account, as the values {@code put} takes; {@code fxRates} a JSON object,
     * {@code bankHolidays} ISO dates joined by commas.
     */
    record Stored(long toleranceMinor, int toleranceBps, int dateWindowDays, String rules, int settlementAfterDays,
            LocalTime dayEndTime, Long settlementAccountId, int graceDays, int fxToleranceBps, String fxRates,
            int notDebitedAfterBusinessDays, String bankHolidays) {
    }

    /** The account's row as a JSON object, or null when it has none (the defaults apply). */
    Uni<String> find(Mutiny.Session s, long accountId) {
        return s.createNativeQuery(FIND, String.class).setParameter(1, accountId).getResultList()
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    Uni<Void> put(Mutiny.Session s, long accountId, Stored c, String actor) {
        return s.createNativeQuery(UPSERT).setParameter(1, accountId).setParameter(2, c.toleranceMinor())
                .setParameter(3, c.toleranceBps()).setParameter(4, c.dateWindowDays()).setParameter(5, c.rules())
                .setParameter(6, c.settlementAfterDays()).setParameter(7, c.dayEndTime()).setParameter(8, actor)
                .setParameter(9, c.settlementAccountId()).setParameter(10, c.graceDays())
                .setParameter(11, c.fxToleranceBps()).setParameter(12, c.fxRates())
                .setParameter(13, c.notDebitedAfterBusinessDays()).setParameter(14, c.bankHolidays())
                .executeUpdate().replaceWithVoid();
    }
}
