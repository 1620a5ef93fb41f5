package io.cloudphone.ledger.api.account;

/** What an account request asks the ledger to do; stored in account_request.kind. */
enum RequestKind {
    OPEN,
    RECHARGE,
    CONSUME
}
