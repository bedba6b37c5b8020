package vn.motsach.infra.security;

/**
 * Whether one of our own tokens still speaks for its account: the accounts, where they are,
 * move an account's version on when it changes, and a token carrying an older version is
 * refused. Security asks; the accounts feature answers.
 */
public interface TokenVersionCheck {

    boolean isCurrent(String username, long version);
}
