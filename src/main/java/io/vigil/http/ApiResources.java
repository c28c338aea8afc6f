package io.vigil.http;

import io.vigil.authrecord.Technology;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The list of API resources Vigil serves; a new endpoint is added in {@link Builder#build}. */
public final class ApiResources {
  private ApiResources() {}

  public static Builder builder(AccessPolicy policy) {
    return new Builder(policy);
  }

  /** Collects the resources and permissions, then wires them into a dispatcher. */
  public static final class Builder {
    private final AccessPolicy policy;
    private final List<Function<ApiDispatcher, ApiResource>> extra = new ArrayList<>();

    private Builder(AccessPolicy policy) {
      this.policy = policy;
    }

    /** Returns the access policy, to which added resources add their permissions. */
    public AccessPolicy policy() {
      return policy;
    }

    /** Adds a resource built once the dispatcher exists. */
    public Builder add(Function<ApiDispatcher, ApiResource> resource) {
      extra.add(resource);
      return this;
    }

    public ApiDispatcher build(ApiServices services, Clock clock, String baseUrl, boolean tls,
        String version) {
      ApiDispatcher dispatcher =
          new ApiDispatcher(
              policy,
              services.authenticator(),
              services.sessions(),
              services.accounts(),
              services.limiter(),
              clock,
              baseUrl);
      dispatcher.register(new SessionResource(services.sessions(), dispatcher, tls).resource());
      dispatcher.register(new AboutResource(version).resource());
      dispatcher.register(new VaultResource(services.vaults()).resource());
      for (Technology technology : Technology.values()) {
        dispatcher.register(
            new AuthRecordResource(technology, services.authRecords()).resource());
      }
      dispatcher.register(
          new AssetIpResource(services.assets().ips(), services.accounts()).resource());
      dispatcher.register(new ExcludedIpResource(services.assets().ips()).resource());
      dispatcher.register(new AssetGroupResource(services.assets().groups()).resource());
      dispatcher.register(new ApplianceResource(services.assets().appliances()).resource());
      dispatcher.register(new OptionProfileResource(services.optionProfiles()).resource());
      dispatcher.register(new ScanResource(services, dispatcher).resource());
      dispatcher.register(
          new ScanSummaryResource(services.scans().summaries(), clock).resource());
      for (Function<ApiDispatcher, ApiResource> resource : extra) {
        dispatcher.register(resource.apply(dispatcher));
      }
      return dispatcher;
    }
  }
}
