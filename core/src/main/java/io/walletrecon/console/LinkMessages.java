package io.walletrecon.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of a customer's statement link that the sender revoked, in English here and in Simplified Chinese in
 * {@code messages/lnk_zh-CN.properties} (templates write {@code {lnk:key}}).
 */
@MessageBundle(value = "lnk", locale = "en")
public interface LinkMessages {

    @Message("The sender has withdrawn this statement; it no longer opens.")
    String linkRevoked();
}
