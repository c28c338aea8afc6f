package io.vigil.account;

/** What a new user is created with, besides the password. */
public record NewUser(
    long subscriptionId,
    String login,
    Role role,
    String firstName,
    String lastName,
    String email) {}
