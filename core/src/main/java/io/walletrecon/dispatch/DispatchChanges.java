package io.walletrecon.dispatch;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The writes of one claim or record step, collected: every list becomes one array parameter of one statement
 * ({@link DispatchRepository#write}).
 */
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

    void order(long id, PaymentState from, PaymentState to, String hold, String providerId, Long processed,
            String failure,
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

    /**
     * A job's next status ({@code from} is null when the step did not read it): {@code delayMs} from now when given,
     * else
     * at its due time; {@code inc} counts a send.
     */
    void job(long id, DispatchJobStatus from, DispatchJobStatus to, Long delayMs, int inc, String error) {
        if (from != null) {
            DispatchJobStateMachine.require(id, from, to);
        }
        jid.add(id);
        jstatus.add(to.code());
        jdelay.add(delayMs);
        jinc.add(inc);
        jerr.add(error);
    }

    void attempt(long id, int no, AttemptOutcome outcome, Integer http, String providerId, String error,
            Instant started) {
        aid.add(id);
        ano.add(no);
        aout.add(outcome.code());
        ahttp.add(http);
        aprov.add(providerId);
        aerr.add(error);
        astart.add(started.atOffset(ZoneOffset.UTC));
    }

    boolean isEmpty() {
        return oid.isEmpty() && jid.isEmpty() && aid.isEmpty();
    }
}
