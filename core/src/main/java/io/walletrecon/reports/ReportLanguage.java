package io.walletrecon.reports;

import io.walletrecon.console.Language;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;

import java.util.List;

/** The language a report is labelled in: {@code lang=} if given, else {@code Accept-Language}, else configuration. */
public final class ReportLanguage {

    private ReportLanguage() {
    }

    /** Refuses a {@code lang} that is neither {@code en} nor {@code zh-CN} (400), rather than ignore it. */
    public static Language choose(String lang, String acceptLanguage, ReportsConfig config) {
        if (lang != null && !lang.isBlank()) {
            return Language.of(lang).orElseThrow(() -> ApiException.invalid("lang '" + lang
                    + "' is not a language reports are written in; use en or zh-CN",
                    List.of(ProblemError.field("lang", "must be en or zh-CN"))));
        }
        Language fallback = Language.of(config.language()).orElse(Language.EN);
        return Language.choose(null, acceptLanguage, fallback);
    }
}
