package io.cloudphone.ledger.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A client's own book of what it sent, per account in the order it sent them, with the answer it got. It is the
 * outside witness a test judges the ledger by: the ledger decides an account's requests in the order their
 * writes committed, and a client that waits for each answer before its next request to the same account knows
 * that order. So one account must be driven by one client at a time, waiting for each answer; a second
 * client writing to it would make the order unknowable (its credits, which the ledger makes itself, are fine).
 */
public final class ClientRecord {

    /** What came back: the request was written (202), it was not (a 4xx), or nobody can tell (no answer, a 5xx). */
    public enum Answer {
        ACCEPTED, REFUSED, NO_ANSWER
    }

    public record Sent(ClientRequest request, Answer answer) {
    }

    private final Map<String, List<Sent>> byAccount = new LinkedHashMap<>();

    public synchronized void sent(ClientRequest request, Answer answer) {
        byAccount.computeIfAbsent(request.accountId(), account -> new ArrayList<>()).add(new Sent(request, answer));
    }

    public synchronized List<String> accounts() {
        return List.copyOf(byAccount.keySet());
    }

    public synchronized List<Sent> of(String accountId) {
        return List.copyOf(byAccount.getOrDefault(accountId, List.of()));
    }

    /** The ids of every request that got this answer, on any account. */
    public synchronized Set<String> requestIds(Answer answer) {
        return byAccount.values().stream().flatMap(List::stream).filter(sent -> sent.answer() == answer)
                .map(sent -> sent.request().requestId()).collect(Collectors.toUnmodifiableSet());
    }

    public synchronized long count(Answer answer) {
        return byAccount.values().stream().flatMap(List::stream).filter(sent -> sent.answer() == answer).count();
    }
}
