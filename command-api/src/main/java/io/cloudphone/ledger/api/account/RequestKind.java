package io.cloudphone.ledger.api.account;

/** What an account request asks the ledger to do; stored in account_request.kind (see V3 for each kind's shape). */
enum RequestKind {
    OPEN,
    RECHARGE,
    CONSUME,
    HOLD,
    CAPTURE,
    RELEASE,
    ADJUST,
    TRANSFER,
    OVERDRAFT
}
