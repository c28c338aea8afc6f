package io.vigil.vault.client;

/** Which account of a vault to fetch: the vault-specific part of an authentication record. */
public sealed interface CredentialRequest permits AimRequest, PimRequest, WabRequest {}
