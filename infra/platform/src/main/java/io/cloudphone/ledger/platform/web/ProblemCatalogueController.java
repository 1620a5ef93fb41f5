package io.cloudphone.ledger.platform.web;

import io.cloudphone.ledger.platform.openapi.Access;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The app's problem catalogue, open like its OpenAPI document: {@code GET /problems} lists every code the app can
 * answer, {@code GET /problems/{code}} is where a problem's {@code type} URI leads.
 */
@RestController
public class ProblemCatalogueController {

    /** What a client reads about one problem type. */
    public record Entry(String code, int status, String title, String meaning, String type) {
        static Entry of(ProblemType problem) {
            return new Entry(problem.code(), problem.status().value(), problem.title(), problem.meaning(),
                    problem.type().toString());
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public ProblemCatalogueController(List<ProblemTypes> modules) {
        modules.stream().flatMap(module -> module.types().stream())
                .sorted(Comparator.comparing(ProblemType::code))
                .forEach(problem -> {
                    Entry previous = entries.putIfAbsent(problem.code(), Entry.of(problem));
                    if (previous != null) {
                        throw new IllegalStateException("problem code " + problem.code() + " is declared twice");
                    }
                });
    }

    @SecurityRequirements
    @Access("anyone, no token")
    @GetMapping(ProblemType.CATALOGUE_PATH)
    List<Entry> catalogue() {
        return List.copyOf(entries.values());
    }

    @SecurityRequirements
    @Access("anyone, no token")
    @GetMapping(ProblemType.CATALOGUE_PATH + "/{code}")
    ResponseEntity<?> entry(@PathVariable String code) {
        Entry entry = entries.get(code);
        return entry != null ? ResponseEntity.ok(entry)
                : Problems.of(CommonProblem.NOT_FOUND, "no problem type has this code; GET "
                        + ProblemType.CATALOGUE_PATH + " lists them");
    }
}
