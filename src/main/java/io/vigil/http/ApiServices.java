package io.vigil.http;

import io.vigil.account.AccountStore;
import io.vigil.account.Authenticator;
import io.vigil.authrecord.AuthRecordService;
import io.vigil.asset.AssetServices;
import io.vigil.ratelimit.ApiLimiter;
import io.vigil.session.SessionService;
import io.vigil.vault.VaultService;

/** The services the API resources call, built by the composition root. */
public record ApiServices(
    Authenticator authenticator,
    SessionService sessions,
    AccountStore accounts,
    ApiLimiter limiter,
    VaultService vaults,
    AuthRecordService authRecords,
    AssetServices assets) {}
