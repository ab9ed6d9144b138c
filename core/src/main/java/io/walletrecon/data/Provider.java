package io.walletrecon.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Who runs an account: a wallet provider, our own Standard Webhooks shape, or a bank. */
public enum Provider {
    STRIPE, STANDARD, WECHATPAY, ALIPAY, BANK;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Provider fromCode(String code) {
        if (code != null) {
            for (Provider p : values()) {
                if (p.code().equals(code)) {
                    return p;
                }
            }
        }
        throw new IllegalArgumentException("unknown provider '" + code + "'; one of " + allowed());
    }

    public static String allowed() {
        return Arrays.stream(values()).map(Provider::code).collect(Collectors.joining(", "));
    }
}
