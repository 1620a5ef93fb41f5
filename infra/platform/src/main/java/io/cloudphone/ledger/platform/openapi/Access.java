package io.cloudphone.ledger.platform.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call an operation, for its OpenAPI document (as {@code x-access} and the first line of its description).
 * Documentation only: the rules are enforced by the app's {@code EndpointAccess} and where the data is (an
 * account's owner is only known there), and the system tests check both.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Access {

    /** The rule in words, naming the permissions, e.g. "the account's owner, or account:read-any". */
    String value();
}
