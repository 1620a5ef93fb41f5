package io.cloudphone.ledger.streams.runtime.query;

import io.cloudphone.ledger.platform.web.ProblemType;
import org.springframework.http.HttpStatus;

/** The problems of every stream app's interactive queries. */
public enum StoreProblem implements ProblemType {
    STATE_NOT_QUERYABLE(new Spec("state-not-queryable", HttpStatus.SERVICE_UNAVAILABLE, "State is not queryable yet",
            "The app's state is starting, restoring or moving between instances: retry after Retry-After."));

    private final Spec spec;

    StoreProblem(Spec spec) {
        this.spec = spec;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
