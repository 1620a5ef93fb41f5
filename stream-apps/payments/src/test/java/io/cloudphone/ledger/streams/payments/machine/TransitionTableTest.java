package io.cloudphone.ledger.streams.payments.machine;

import static io.cloudphone.ledger.streams.payments.machine.TransitionTableTest.JobEffect.ALERT;
import static io.cloudphone.ledger.streams.payments.machine.TransitionTableTest.JobEffect.CHECK;
import static io.cloudphone.ledger.streams.payments.machine.TransitionTableTest.JobEffect.RUN;
import static io.cloudphone.ledger.streams.payments.machine.TransitionTableTest.JobEvent.CHECKS_EXHAUSTED;
import static io.cloudphone.ledger.streams.payments.machine.TransitionTableTest.JobEvent.CHECK_DUE;
import static io.cloudphone.ledger.streams.payments.machine.TransitionTableTest.JobEvent.CRASH;
import static io.cloudphone.ledger.streams.payments.machine.TransitionTableTest.JobEvent.FINISH;
import static io.cloudphone.ledger.streams.payments.machine.TransitionTableTest.JobEvent.PROGRESS;
import static io.cloudphone.ledger.streams.payments.machine.TransitionTableTest.JobEvent.START;
import static io.cloudphone.ledger.streams.payments.machine.TransitionTableTest.JobEvent.START_OVERDUE;
import static io.cloudphone.ledger.streams.payments.machine.TransitionTableTest.JobEvent.SUBMIT;
import static io.cloudphone.ledger.streams.payments.machine.TransitionTableTest.JobState.DONE;
import static io.cloudphone.ledger.streams.payments.machine.TransitionTableTest.JobState.FAILED;
import static io.cloudphone.ledger.streams.payments.machine.TransitionTableTest.JobState.QUEUED;
import static io.cloudphone.ledger.streams.payments.machine.TransitionTableTest.JobState.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The generic table on a small machine of its own: what it refuses to build, how it decides, how it renders. */
class TransitionTableTest {

    enum JobState { QUEUED, RUNNING, DONE, FAILED }

    enum JobEvent { SUBMIT, START, START_OVERDUE, FINISH, CRASH, CHECK_DUE, CHECKS_EXHAUSTED, PROGRESS }

    enum JobEffect { RUN, CHECK, ALERT }

    private static final List<Transition<JobState, JobEvent, JobEffect>> ROWS = List.of(
            row(null, SUBMIT, QUEUED),
            row(QUEUED, START, RUNNING, RUN),
            row(QUEUED, START_OVERDUE, FAILED, ALERT),
            row(RUNNING, FINISH, DONE),
            row(RUNNING, CRASH, FAILED, ALERT),
            row(RUNNING, CHECK_DUE, RUNNING, CHECK),
            row(RUNNING, CHECKS_EXHAUSTED, FAILED, ALERT),
            row(RUNNING, PROGRESS, RUNNING));

    private static final Deadline<JobEvent> START_DEADLINE = Deadline.once("job.start", Duration.ofMinutes(1),
            START_OVERDUE);

    private static final RetrySchedule CHECK_SCHEDULE = new RetrySchedule(Duration.ofSeconds(10), 2,
            Duration.ofMinutes(1), 3);

    private static final Deadline<JobEvent> CHECKS = Deadline.retrying("job.checks", CHECK_SCHEDULE, CHECK_DUE,
            CHECKS_EXHAUSTED);

    private static final TransitionTable<JobState, JobEvent, JobEffect> JOB = wellFormed().build();

    @Test
    void decidesALegalEventByItsRow() {
        assertThat(JOB.decide(QUEUED, START)).isEqualTo(new Decision.Accepted<>(ROWS.get(1)));
        assertThat(JOB.decide(QUEUED, START).stateAfter(QUEUED)).isEqualTo(RUNNING);
        assertThat(JOB.decide(QUEUED, START).effects()).containsExactly(RUN);
    }

    @Test
    void rejectsAnIllegalEventNamingTheStateTheEventAndWhatTheStateAccepts() {
        Decision<JobState, JobEvent, JobEffect> decision = JOB.decide(QUEUED, FINISH);

        assertThat(decision).isEqualTo(new Decision.Rejected<>(new Rejection(RejectionCode.ILLEGAL_TRANSITION,
                "job QUEUED does not accept FINISH; it accepts [START, START_OVERDUE]")));
        assertThat(decision.stateAfter(QUEUED)).isEqualTo(QUEUED);
        assertThat(decision.effects()).isEmpty();
    }

    @Test
    void rejectsEveryEventInATerminalState() {
        assertThat(JOB.decide(DONE, FINISH)).isEqualTo(new Decision.Rejected<>(new Rejection(
                RejectionCode.ILLEGAL_TRANSITION, "job DONE is terminal: it accepts no event, got FINISH")));
    }

    @Test
    void createsOnlyOnACreatingEvent() {
        assertThat(JOB.create(SUBMIT)).isEqualTo(new Decision.Accepted<>(ROWS.get(0)));
        assertThat(JOB.create(START)).isEqualTo(new Decision.Rejected<>(new Rejection(
                RejectionCode.AGGREGATE_NOT_FOUND,
                "no job exists, and START does not create one; the events that do: [SUBMIT]")));
    }

    @Test
    void createdAggregateIsInTheRowsTargetState() {
        assertThat(JOB.create(SUBMIT).stateAfter(null)).isEqualTo(QUEUED);
        assertThat(JOB.create(FINISH).stateAfter(null)).isNull();
    }

    @Test
    void listsItsRowsInTheOrderTheyWereDefined() {
        assertThat(JOB.transitions()).containsExactlyElementsOf(ROWS);
        assertThat(JOB.terminalStates()).containsExactly(DONE, FAILED);
        assertThat(JOB.deadline(QUEUED)).contains(START_DEADLINE);
        assertThat(JOB.deadline(DONE)).isEmpty();
    }

    @Test
    void refusesTwoRowsForOneStateAndEvent() {
        assertRefused(wellFormed().on(RUNNING, FINISH, FAILED), "job: two rows for RUNNING on FINISH");
    }

    @Test
    void refusesTwoCreatingRowsForOneEvent() {
        assertRefused(wellFormed().creates(SUBMIT, RUNNING), "job: two rows for (new) on SUBMIT");
    }

    @Test
    void refusesARowOutOfATerminalState() {
        assertRefused(wellFormed().on(DONE, START, RUNNING),
                "job table: a row leaves the terminal state DONE on START");
    }

    @Test
    void refusesAnIntermediateStateWithoutADeadline() {
        assertRefused(builder(row -> true).terminal(DONE, FAILED).deadline(RUNNING, CHECKS),
                "job table: the intermediate state QUEUED has no deadline: it could wait forever");
    }

    @Test
    void refusesADeadlineOnATerminalState() {
        assertRefused(wellFormed().deadline(DONE, Deadline.once("job.done", Duration.ofMinutes(1), FINISH)),
                "job table: the terminal state DONE has a deadline");
    }

    @Test
    void refusesTwoDeadlinesForOneState() {
        assertThatThrownBy(() -> wellFormed().deadline(QUEUED, START_DEADLINE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("job: two deadlines for QUEUED");
    }

    @Test
    void refusesADeadlineWhoseEventIsNotARowOfItsState() {
        assertRefused(withTerminals().deadline(QUEUED, Deadline.once("job.start", Duration.ofMinutes(1), CRASH))
                .deadline(RUNNING, CHECKS),
                "job table: the deadline of QUEUED raises CRASH, which is not a row of QUEUED");
    }

    @Test
    void refusesAOneShotDeadlineThatStaysInItsStateForItWouldFireForever() {
        assertRefused(withTerminals().deadline(QUEUED, START_DEADLINE)
                .deadline(RUNNING, Deadline.once("job.check", Duration.ofMinutes(1), CHECK_DUE)),
                "job table: the deadline of RUNNING raises CHECK_DUE, which must leave RUNNING");
    }

    @Test
    void refusesARetryThatLeavesItsState() {
        assertRefused(withTerminals().deadline(QUEUED, START_DEADLINE).deadline(RUNNING, Deadline.retrying(
                "job.checks", CHECK_SCHEDULE, CRASH, CHECKS_EXHAUSTED)),
                "job table: the deadline of RUNNING raises CRASH, which must stay in RUNNING");
    }

    @Test
    void refusesAGiveUpThatStaysInItsState() {
        assertRefused(withTerminals().deadline(QUEUED, START_DEADLINE).deadline(RUNNING, Deadline.retrying(
                "job.checks", CHECK_SCHEDULE, CHECK_DUE, PROGRESS)),
                "job table: the deadline of RUNNING raises PROGRESS, which must leave RUNNING");
    }

    @Test
    void refusesATableThatCreatesNothing() {
        assertRefused(builder(row -> !row.creates()).terminal(DONE, FAILED), "job table: no row creates the aggregate");
    }

    @Test
    void refusesAStateNoRowReaches() {
        assertRefused(withDeadlines(builder(row -> row.event() != START).terminal(DONE, FAILED)),
                "job table: no row reaches the state RUNNING");
    }

    @Test
    void refusesAnEventNoRowUses() {
        assertRefused(withDeadlines(builder(row -> row.event() != CRASH).terminal(DONE, FAILED)),
                "job table: no row uses the event CRASH");
    }

    @Test
    void rendersAMermaidStateDiagramWithAnArrowPerRowAndAnEndPerTerminalState() {
        assertThat(JOB.mermaid()).isEqualTo("""
                stateDiagram-v2
                    [*] --> QUEUED : SUBMIT
                    QUEUED --> RUNNING : START / RUN
                    QUEUED --> FAILED : START_OVERDUE / ALERT
                    RUNNING --> DONE : FINISH
                    RUNNING --> FAILED : CRASH / ALERT
                    RUNNING --> RUNNING : CHECK_DUE / CHECK
                    RUNNING --> FAILED : CHECKS_EXHAUSTED / ALERT
                    RUNNING --> RUNNING : PROGRESS
                    DONE --> [*]
                    FAILED --> [*]
                """);
    }

    @Test
    void rendersItsRowsAsAMarkdownTable() {
        assertThat(JOB.markdownTable()).isEqualTo("""
                | state | event | next state | effects |
                |---|---|---|---|
                | (new) | SUBMIT | QUEUED | — |
                | QUEUED | START | RUNNING | RUN |
                | QUEUED | START_OVERDUE | FAILED | ALERT |
                | RUNNING | FINISH | DONE | — |
                | RUNNING | CRASH | FAILED | ALERT |
                | RUNNING | CHECK_DUE | RUNNING | CHECK |
                | RUNNING | CHECKS_EXHAUSTED | FAILED | ALERT |
                | RUNNING | PROGRESS | RUNNING | — |
                """);
    }

    @Test
    void rendersItsDeadlinesAsAMarkdownTable() {
        assertThat(JOB.deadlineTable()).isEqualTo("""
                | state | timer | next action | when the retries run out | config key |
                |---|---|---|---|---|
                | QUEUED | once, after 1m | START_OVERDUE | — | `job.start` |
                | RUNNING | first after 10s, x2 up to 1m; 3 attempts, gives up after about 2m | CHECK_DUE \
                | CHECKS_EXHAUSTED | `job.checks` |
                """);
    }

    private static void assertRefused(TransitionTable.Builder<JobState, JobEvent, JobEffect> builder, String message) {
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    private static TransitionTable.Builder<JobState, JobEvent, JobEffect> wellFormed() {
        return withDeadlines(withTerminals());
    }

    private static TransitionTable.Builder<JobState, JobEvent, JobEffect> withTerminals() {
        return builder(row -> true).terminal(DONE, FAILED);
    }

    private static TransitionTable.Builder<JobState, JobEvent, JobEffect> withDeadlines(
            TransitionTable.Builder<JobState, JobEvent, JobEffect> builder) {
        return builder.deadline(QUEUED, START_DEADLINE).deadline(RUNNING, CHECKS);
    }

    /** A builder holding the rows that {@code keep} keeps, and nothing else. */
    private static TransitionTable.Builder<JobState, JobEvent, JobEffect> builder(
            Predicate<Transition<JobState, JobEvent, JobEffect>> keep) {
        TransitionTable.Builder<JobState, JobEvent, JobEffect> builder = TransitionTable.builder("job",
                JobState.class, JobEvent.class);
        for (Transition<JobState, JobEvent, JobEffect> row : ROWS.stream().filter(keep).toList()) {
            JobEffect[] effects = row.effects().toArray(JobEffect[]::new);
            row.from().ifPresentOrElse(from -> builder.on(from, row.event(), row.to(), effects),
                    () -> builder.creates(row.event(), row.to(), effects));
        }
        return builder;
    }

    private static Transition<JobState, JobEvent, JobEffect> row(JobState from, JobEvent event, JobState to,
            JobEffect... effects) {
        return new Transition<>(Optional.ofNullable(from), event, to, List.of(effects));
    }
}
