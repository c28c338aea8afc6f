package io.vigil.http;

import io.vigil.account.AccountStore;
import io.vigil.account.Authenticator;
import io.vigil.ratelimit.ApiLimiter;
import io.vigil.session.SessionService;
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

    /** The access policy, to which added resources add their permissions. */
    public AccessPolicy policy() {
      return policy;
    }

    /** Adds a resource built once the dispatcher exists. */
    public Builder add(Function<ApiDispatcher, ApiResource> resource) {
      extra.add(resource);
      return this;
    }

    public ApiDispatcher build(
        Authenticator authenticator,
        SessionService sessions,
        AccountStore accounts,
        ApiLimiter limiter,
        Clock clock,
        String baseUrl,
        boolean tls,
        String version) {
      ApiDispatcher dispatcher =
          new ApiDispatcher(policy, authenticator, sessions, accounts, limiter, clock, baseUrl);
      dispatcher.register(new SessionResource(sessions, dispatcher, tls).resource());
      dispatcher.register(new AboutResource(version).resource());
      for (Function<ApiDispatcher, ApiResource> resource : extra) {
        dispatcher.register(resource.apply(dispatcher));
      }
      return dispatcher;
    }
  }
}
