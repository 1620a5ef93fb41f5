package io.cloudphone.ledger.provider;

import java.util.Arrays;

/**
 * The payment providers the system can take money through. The name is what notifications and webhook paths carry
 * ({@code /v1/webhooks/WECHAT_PAY}); the slug is the simulator's path segment ({@code /wechat-pay/charges}).
 */
public enum ProviderName {
    WECHAT_PAY("wechat-pay"),
    ALIPAY("alipay"),
    STRIPE("stripe");

    private final String slug;

    ProviderName(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    /** The provider of a URL slug; IllegalArgumentException naming the known ones for any other. */
    public static ProviderName fromSlug(String slug) {
        return Arrays.stream(values()).filter(name -> name.slug.equals(slug)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no provider has the slug '" + slug + "'; known: "
                        + Arrays.stream(values()).map(ProviderName::slug).toList()));
    }
}
