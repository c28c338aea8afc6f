package io.vigil.http;

import io.vigil.account.AccountStore;
import io.vigil.account.Authenticator;
import io.vigil.asset.AssetScope;
import io.vigil.ratelimit.ApiLimiter;
import io.vigil.scan.OptionProfileService;
import io.vigil.scan.ScanService;
import io.vigil.session.SessionService;
import io.vigil.vault.VaultService;

/**
 * The services the API resources call, built by the composition root.
 *
 * @param assets which IPs each subscription may scan, its exclusions and asset groups
 */
public record ApiServices(
    Authenticator authenticator,
    SessionService sessions,
    AccountStore accounts,
    ApiLimiter limiter,
    VaultService vaults,
    AssetScope assets,
    OptionProfileService optionProfiles,
    ScanService scans) {}
