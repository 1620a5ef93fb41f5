package io.cloudphone.ledger.simulator.payment.web;

import io.cloudphone.ledger.simulator.payment.book.SimulatorError;

/** An answer with one of the simulator's error codes, thrown where returning it would be awkward. */
final class SimulatorException extends RuntimeException {

    final SimulatorError error;

    SimulatorException(SimulatorError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }
}
