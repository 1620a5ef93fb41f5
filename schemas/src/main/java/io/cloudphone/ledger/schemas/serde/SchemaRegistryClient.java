package io.cloudphone.ledger.schemas.serde;

import org.apache.avro.Schema;

/** The part of the Confluent schema-registry API that the serde needs. */
public interface SchemaRegistryClient {

    /** Registers the schema under the subject (a no-op when it is already there) and returns its id. */
    int register(String subject, Schema schema);

    /** Returns the id of a schema already registered under the subject, without registering it. */
    int idOf(String subject, Schema schema);

    /** Returns the schema with the given id. */
    Schema schemaById(int id);
}
