package io.cloudphone.ledger.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * What every app's HTTP side has: the request body limit ({@code cpl.http.request-body-bytes-max}, default
 * {@value #REQUEST_BODY_BYTES_MAX_DEFAULT}) and problem+json for every error ({@link PlatformProblemHandler}).
 * Before Spring Boot's MVC configuration, whose own problem-details handler then backs off.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(PlatformProblemHandler.class)
public class PlatformWebAutoConfiguration {

    /** Commands are a few hundred bytes; 64 KiB leaves room for event batches and settings, nothing more. */
    public static final long REQUEST_BODY_BYTES_MAX_DEFAULT = 64 * 1024;

    /** First of all filters, before authentication: an anonymous client cannot make the server buffer a large body. */
    @Bean
    @ConditionalOnMissingBean(RequestBodyLimitFilter.class)
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
            @Value("${cpl.http.request-body-bytes-max:" + REQUEST_BODY_BYTES_MAX_DEFAULT + "}") long bytesMax) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(bytesMax));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
