package io.vigil.account;

/** A customer of a Consultant subscription, named on scans, schedules and reports. */
public record Client(long id, long subscriptionId, String name) {}
