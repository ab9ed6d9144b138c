package io.walletrecon.statements;

import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** The supported formats, in detection order (the most specific signatures first). */
@ApplicationScoped
public class StatementParsers {

    private final List<StatementParser> parsers = List.of(CamtParser.report(), CamtParser.notification(),
            new CamtParser(),
            new Mt940Parser(), Mt940Parser.mt942(), new Bai2Parser(), new WechatPayBillParser(),
            new WechatPayFundFlowParser(),
            new AlipayAccountFlowParser(),
            new AlipayBillParser(), new StripeSummaryParser(), new StripeBalanceParser());

    public List<String> formats() {
        return parsers.stream().map(StatementParser::format).toList();
    }

    public Optional<StatementParser> detect(String head) {
        return parsers.stream().filter(p -> p.detects(head)).findFirst();
    }

    public StatementParser forced(String format) {
        return parsers.stream().filter(p -> p.format().equals(format)).findFirst()
                .orElseThrow(() -> ApiException.invalid("format must be one of " + String.join(", ", formats()),
                        List.of(ProblemError.field("format", "must be one of " + String.join(", ", formats())))));
    }
}
