package io.walletrecon.console;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages of the pages: Simplified Chinese and English. A person's choice is kept in the {@value #COOKIE}
 * cookie (a preference, not a credential); without one, customers' pages speak Chinese and the console follows the
 * browser's {@code Accept-Language}.
 */
public enum Language {
    ZH_CN("zh-CN", Locale.SIMPLIFIED_CHINESE), EN("en", Locale.ENGLISH);

    public static final String COOKIE = "wr_lang";

    public final String tag;
    public final Locale locale;

    Language(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    public static Optional<Language> of(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        for (Language l : values()) {
            if (l.tag.equalsIgnoreCase(tag.trim())) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** The cookie's language, else the first of {@code acceptLanguage} we speak, else {@code fallback}. */
    public static Language choose(String cookie, String acceptLanguage, Language fallback) {
        Optional<Language> chosen = of(cookie);
        if (chosen.isPresent()) {
            return chosen.get();
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String r = range.getRange().toLowerCase(Locale.ROOT);
                    if (r.startsWith("zh")) {
                        return ZH_CN;
                    }
                    if (r.startsWith("en")) {
                        return EN;
                    }
                }
            } catch (IllegalArgumentException e) {
                return fallback;
            }
        }
        return fallback;
    }

    /** The other language, for the switch. */
    public Language other() {
        return this == ZH_CN ? EN : ZH_CN;
    }

    /** The language's own name, as a switch shows it. */
    public String selfName() {
        return this == ZH_CN ? "中文" : "English";
    }

    public static List<Language> all() {
        return List.of(values());
    }
}
