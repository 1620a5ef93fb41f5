package io.cloudphone.ledger.platform.web;

import io.cloudphone.ledger.platform.security.OpenPaths;
import java.util.List;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;


/**
 * What every app's HTTP side has: the request body limit ({@code cpl.http.request-body-bytes-max}, default
 * {@value #REQUEST_BODY_BYTES_MAX_DEFAULT}) and problem+json for every error ({@link PlatformProblemHandler}).
 * Before Spring Boot's MVC configuration, whose own problem-details handler then backs off.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({PlatformProblemHandler.class, BodyTextAdvice.class, PlatformErrorController.class, TypedProblemAdvice.class,
        ProblemCatalogueController.class})
public class PlatformWebAutoConfiguration {

    /** The problems every app answers alike, in every app's catalogue. */
    @Bean
    ProblemTypes commonProblemTypes() {
        return ProblemTypes.of(CommonProblem.class);
    }

    /** The catalogue is documentation: a client that got a problem may look its type up without a token. */
    @Bean
    OpenPaths problemCatalogue() {
        return new OpenPaths(List.of(ProblemType.CATALOGUE_PATH, ProblemType.CATALOGUE_PATH + "/*"));
    }

    /** Accept and Content-Type checked before any controller runs (see {@link RequestHeadersInterceptor}). */
    @Bean
    WebMvcConfigurer requestHeadersChecked() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new RequestHeadersInterceptor());
            }
        };
    }

    /** Commands are a few hundred bytes; 64 KiB leaves room for event batches and settings, nothing more. */
    public static final long REQUEST_BODY_BYTES_MAX_DEFAULT = 64 * 1024;

    /**
     * JSON read strictly, in both apps: a duplicate key, a string where a number belongs, a fraction or an exponent
     * where an integer belongs and anything after the document are 400, instead of the last key winning or "100"
     * passing as 100. Non-finite numbers are refused by {@link BodyTextCheck}.
     */
    @Bean
    JsonMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** Tomcat's own refusals (before any servlet) as problem+json: its host's error report valve is ours. */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemJsonErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemJsonErrorReportValve.class.getName());
            }
        });
    }

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
