package io.cloudphone.ledger.api.system;

import io.cloudphone.ledger.platform.web.ProblemTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** command-api's own problems, beside the platform's, in its catalogue ({@code GET /problems}). */
@Configuration(proxyBeanMethods = false)
class ProblemCatalogueConfiguration {

    @Bean
    ProblemTypes commandApiProblemTypes() {
        return ProblemTypes.of(CommandApiProblem.class);
    }
}
