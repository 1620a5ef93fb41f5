package io.cloudphone.ledger.streams.ledger.query;

import io.cloudphone.ledger.platform.web.ProblemType;
import org.springframework.http.HttpStatus;

/** The problems only the ledger's query API answers. */
public enum LedgerQueryProblem implements ProblemType {
    AS_OF_TOO_FAR_BACK(new Spec("as-of-too-far-back", HttpStatus.UNPROCESSABLE_CONTENT, "Too far back",
            "A read by time (asOf) would walk back more versions than the ledger walks for one query: read the "
                    + "state by version (asOfVersion) instead."));

    private final Spec spec;

    LedgerQueryProblem(Spec spec) {
        this.spec = spec;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
