package io.vigil.http;

import io.vigil.account.AccountStore;
import io.vigil.account.Authenticator;
import io.vigil.asset.AssetScope;
import io.vigil.asset.AssetServices;
import io.vigil.authrecord.AuthRecordService;
import io.vigil.ratelimit.ApiLimiter;
import io.vigil.scan.OptionProfileService;
import io.vigil.scan.ScanService;
import io.vigil.session.SessionService;
import io.vigil.vault.VaultService;

/**
 * The services the API resources call, built by the composition root.
 *
 * @param assets the asset storage behind the IP, exclusion, group and appliance APIs
 * @param assetScope which IPs each subscription may scan, its exclusions and asset groups, as
 *     scans read them
 */
public record ApiServices(
    Authenticator authenticator,
    SessionService sessions,
    AccountStore accounts,
    ApiLimiter limiter,
    VaultService vaults,
    AuthRecordService authRecords,
    AssetServices assets,
    AssetScope assetScope,
    OptionProfileService optionProfiles,
    ScanService scans) {}
