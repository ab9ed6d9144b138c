package io.walletrecon.customers;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Request bodies of /customers. */
public final class CustomerRequests {

    private CustomerRequests() {
    }

    /** {@code company}: the code of the company whose customer this is (absent: the default company). */
    @RegisterForReflection
    public record Create(@Size(max = 63) String company,
            @Size(max = 100) String externalId,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String contactName,
            @Pattern(regexp = "\\+?[0-9 ()-]{5,20}", message = "must be a phone number") String phone,
            @Email String email,
            @Pattern(regexp = "low|normal|high|blocked", message = "must be one of low, normal, high, blocked") String riskRating,
            @Size(max = 2000) String notes,
            List<@Valid Identity> identities) {
    }

    /** Fields left out (null) stay as they are. */
    @RegisterForReflection
    public record Update(@Size(max = 100) String externalId,
            @Size(min = 1, max = 200) String name,
            @Size(max = 200) String contactName,
            @Pattern(regexp = "\\+?[0-9 ()-]{5,20}", message = "must be a phone number") String phone,
            @Email String email,
            @Pattern(regexp = "low|normal|high|blocked", message = "must be one of low, normal, high, blocked") String riskRating,
            @Size(max = 2000) String notes) {
    }

    @RegisterForReflection
    public record Identity(
            @NotBlank @Pattern(regexp = "alipay_buyer_id|alipay_logon|wechat_openid|stripe_customer|bank_account", message = "must be one of alipay_buyer_id, alipay_logon, wechat_openid, stripe_customer, bank_account") String kind,
            @NotBlank @Size(max = 64) String value,
            @Size(max = 20) String bankCode) {
    }
}
