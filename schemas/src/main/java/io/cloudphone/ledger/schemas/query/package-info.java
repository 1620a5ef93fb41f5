/**
 * The JSON views of the ledger's interactive-query API ({@code /ledger/v1/...}): what stream-apps answers and
 * command-api reads, defined once so that the two cannot drift apart.
 */
package io.cloudphone.ledger.schemas.query;
