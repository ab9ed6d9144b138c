package io.walletrecon.intake;

import io.quarkus.arc.All;
import io.walletrecon.data.Provider;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The providers webhooks are accepted for, each with its verifier and normaliser. */
@ApplicationScoped
public class WebhookProviders {

    private final Map<Provider, WebhookVerifier> verifiers = new EnumMap<>(Provider.class);
    private final Map<Provider, WebhookNormaliser> normalisers = new EnumMap<>(Provider.class);

    public WebhookProviders(@All List<WebhookVerifier> verifiers, @All List<WebhookNormaliser> normalisers) {
        verifiers.forEach(v -> this.verifiers.put(v.provider(), v));
        normalisers.forEach(n -> this.normalisers.put(n.provider(), n));
    }

    /** The provider named in a webhook's route; refuses the bank and a provider we do not know. */
    public Provider of(String code) {
        try {
            Provider provider = Provider.fromCode(code);
            if (verifiers.containsKey(provider)) {
                return provider;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new WebhookRejectedException(RejectionReason.UNKNOWN_PROVIDER,
                "webhooks are accepted for stripe, standard, wechatpay and alipay, not '" + code + "'");
    }

    public WebhookVerifier verifier(Provider provider) {
        return verifiers.get(provider);
    }

    public WebhookNormaliser normaliser(Provider provider) {
        return normalisers.get(provider);
    }
}
