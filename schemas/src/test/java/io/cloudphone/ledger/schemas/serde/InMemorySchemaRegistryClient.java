package io.cloudphone.ledger.schemas.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * A registry in memory for unit tests of serdes and topologies (TopologyTestDriver has no broker and no
 * registry). It enforces BACKWARD compatibility per subject like the real one is configured to; the
 * integration tests prove the same against Apicurio.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private final Map<Schema, Integer> idsBySchema = new HashMap<>();
    private final List<Schema> schemasById = new ArrayList<>();
    private final Map<String, List<Schema>> versionsBySubject = new HashMap<>();

    @Override
    public synchronized int register(String subject, Schema schema) {
        List<Schema> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(schema)) {
            if (!versions.isEmpty()) {
                Schema latest = versions.get(versions.size() - 1);
                var result = SchemaCompatibility.checkReaderWriterCompatibility(schema, latest).getType();
                if (result != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                    throw new IncompatibleSchemaException(subject, "cannot read the latest version");
                }
            }
            versions.add(schema);
        }
        return idsBySchema.computeIfAbsent(schema, s -> {
            schemasById.add(s);
            return schemasById.size();
        });
    }

    @Override
    public synchronized int idOf(String subject, Schema schema) {
        List<Schema> versions = versionsBySubject.getOrDefault(subject, List.of());
        if (!versions.contains(schema)) {
            throw new SchemaNotFoundException("schema not registered under subject " + subject);
        }
        return idsBySchema.get(schema);
    }

    @Override
    public synchronized Schema schemaById(int id) {
        if (id < 1 || id > schemasById.size()) {
            throw new SchemaNotFoundException("unknown schema id " + id);
        }
        return schemasById.get(id - 1);
    }
}
