package io.walletrecon.dispatch;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Set-based writes of one claim or record step: every list becomes one array parameter of one statement. */
final class DispatchChanges {
    final List<Long> oid = new ArrayList<>();
    final List<String> ostate = new ArrayList<>();
    final List<String> ohold = new ArrayList<>();
    final List<String> oprov = new ArrayList<>();
    final List<Long> oproc = new ArrayList<>();
    final List<String> ofail = new ArrayList<>();
    final List<Long> ofile = new ArrayList<>();
    final List<Long> hid = new ArrayList<>();
    final List<String> hfrom = new ArrayList<>();
    final List<String> hto = new ArrayList<>();
    final List<String> hactor = new ArrayList<>();
    final List<String> hreason = new ArrayList<>();
    final List<Long> jid = new ArrayList<>();
    final List<String> jstatus = new ArrayList<>();
    final List<Long> jdelay = new ArrayList<>();
    final List<Integer> jinc = new ArrayList<>();
    final List<String> jerr = new ArrayList<>();
    final List<Long> aid = new ArrayList<>();
    final List<Integer> ano = new ArrayList<>();
    final List<String> aout = new ArrayList<>();
    final List<Integer> ahttp = new ArrayList<>();
    final List<String> aprov = new ArrayList<>();
    final List<String> aerr = new ArrayList<>();
    final List<OffsetDateTime> astart = new ArrayList<>();

    void order(long id, PaymentState from, PaymentState to, String hold, String providerId, Long processed, String failure,
               Long bankFile, String actor, String reason) {
        if (from != to) {
            PaymentStateMachine.require(id, from, to);
            hid.add(id);
            hfrom.add(from.code());
            hto.add(to.code());
            hactor.add(actor);
            hreason.add(reason);
        }
        oid.add(id);
        ostate.add(to.code());
        ohold.add(hold);
        oprov.add(providerId);
        oproc.add(processed);
        ofail.add(failure);
        ofile.add(bankFile);
    }

    void job(long id, String status, Long delayMs, int inc, String error) {
        jid.add(id);
        jstatus.add(status);
        jdelay.add(delayMs);
        jinc.add(inc);
        jerr.add(error);
    }

    void attempt(long id, int no, String outcome, Integer http, String providerId, String error, Instant started) {
        aid.add(id);
        ano.add(no);
        aout.add(outcome);
        ahttp.add(http);
        aprov.add(providerId);
        aerr.add(error);
        astart.add(started.atOffset(ZoneOffset.UTC));
    }

    boolean isEmpty() {
        return oid.isEmpty() && jid.isEmpty() && aid.isEmpty();
    }

    Uni<Void> apply(SqlConnection conn, Duration lease, String worker) {
        Uni<Void> u = Uni.createFrom().voidItem();
        if (!oid.isEmpty()) {
            u = u.chain(() -> conn.preparedQuery(DispatchRepository.UPDATE_ORDERS).execute(Tuple.tuple(List.of(oid.toArray(Long[]::new), ostate.toArray(String[]::new),
                    ohold.toArray(String[]::new), oprov.toArray(String[]::new), oproc.toArray(Long[]::new), ofail.toArray(String[]::new),
                    ofile.toArray(Long[]::new)))).replaceWithVoid());
        }
        if (!hid.isEmpty()) {
            u = u.chain(() -> conn.preparedQuery(DispatchRepository.INSERT_HISTORY).execute(Tuple.of(hid.toArray(Long[]::new), hfrom.toArray(String[]::new),
                    hto.toArray(String[]::new), hactor.toArray(String[]::new), hreason.toArray(String[]::new))).replaceWithVoid());
        }
        if (!jid.isEmpty()) {
            u = u.chain(() -> conn.preparedQuery(DispatchRepository.UPDATE_JOBS).execute(Tuple.tuple(List.of(jid.toArray(Long[]::new), jstatus.toArray(String[]::new),
                    jdelay.toArray(Long[]::new), jinc.toArray(Integer[]::new), lease.toMillis(), worker, jerr.toArray(String[]::new)))).replaceWithVoid());
        }
        if (!aid.isEmpty()) {
            u = u.chain(() -> conn.preparedQuery(DispatchRepository.INSERT_ATTEMPTS).execute(Tuple.tuple(List.of(aid.toArray(Long[]::new), ano.toArray(Integer[]::new),
                    aout.toArray(String[]::new), ahttp.toArray(Integer[]::new), aprov.toArray(String[]::new), aerr.toArray(String[]::new),
                    astart.toArray(OffsetDateTime[]::new)))).replaceWithVoid());
        }
        return u;
    }
}
