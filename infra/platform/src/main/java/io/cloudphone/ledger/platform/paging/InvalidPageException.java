package io.cloudphone.ledger.platform.paging;

import io.cloudphone.ledger.platform.web.CommonProblem;
import io.cloudphone.ledger.platform.web.Problems;
import org.springframework.web.ErrorResponseException;

/** A page that cannot be served as asked: 422 {@code invalid-request}, rendered by the platform's problem handler. */
public class InvalidPageException extends ErrorResponseException {

    public InvalidPageException(String detail) {
        super(CommonProblem.INVALID_REQUEST.status(), Problems.body(CommonProblem.INVALID_REQUEST, detail), null);
    }
}
