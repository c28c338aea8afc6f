package io.vigil.http;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one action of a resource accepts: its HTTP methods, its parameters, which of them are
 * required or exclusive, and the handler. The dispatcher checks all of it before the handler runs,
 * so handlers see only valid combinations. {@code action} and {@code echo_request} are accepted by
 * every action.
 */
public final class ActionSpec {
  static final List<String> COMMON_PARAMETERS = List.of("action", "echo_request");

  private final String name;
  private final Set<HttpMethod> methods;
  private final Set<String> parameters;
  private final List<String> required;
  private final List<List<String>> exclusiveGroups;
  private final Set<String> secrets;
  private final boolean authenticated;
  private final ApiHandler handler;

  private ActionSpec(Builder builder) {
    this.name = builder.name;
    this.methods = EnumSet.copyOf(builder.methods);
    Set<String> all = new LinkedHashSet<>(COMMON_PARAMETERS);
    all.addAll(builder.parameters);
    this.parameters = Set.copyOf(all);
    this.required = List.copyOf(builder.required);
    this.exclusiveGroups = List.copyOf(builder.exclusiveGroups);
    this.secrets = Set.copyOf(builder.secrets);
    this.authenticated = builder.authenticated;
    this.handler = builder.handler;
  }

  /** Starts an action that accepts GET and POST, the default of list and fetch actions. */
  public static Builder readAction(String name) {
    return new Builder(name, EnumSet.of(HttpMethod.GET, HttpMethod.POST));
  }

  /** Starts an action that accepts POST only, as Qualys requires for actions that change data. */
  public static Builder postAction(String name) {
    return new Builder(name, EnumSet.of(HttpMethod.POST));
  }

  public String name() {
    return name;
  }

  Set<HttpMethod> methods() {
    return methods;
  }

  boolean accepts(String parameter) {
    return parameters.contains(parameter);
  }

  List<String> required() {
    return required;
  }

  List<List<String>> exclusiveGroups() {
    return exclusiveGroups;
  }

  /** Returns whether a parameter carries a secret, which the request echo leaves out. */
  boolean isSecret(String parameter) {
    return secrets.contains(parameter);
  }

  /** False for actions that check credentials themselves, such as session login. */
  boolean authenticated() {
    return authenticated;
  }

  ApiHandler handler() {
    return handler;
  }

  /** Builds an {@link ActionSpec}. */
  public static final class Builder {
    private final String name;
    private final Set<HttpMethod> methods;
    private final List<String> parameters = new ArrayList<>();
    private final List<String> required = new ArrayList<>();
    private final List<List<String>> exclusiveGroups = new ArrayList<>();
    private final Set<String> secrets = new LinkedHashSet<>();
    private boolean authenticated = true;
    private ApiHandler handler;

    private Builder(String name, Set<HttpMethod> methods) {
      this.name = name;
      this.methods = methods;
    }

    /** Accepts these optional parameters. */
    public Builder optional(String... names) {
      parameters.addAll(List.of(names));
      return this;
    }

    /** Accepts and requires these parameters. */
    public Builder required(String... names) {
      parameters.addAll(List.of(names));
      required.addAll(List.of(names));
      return this;
    }

    /** Accepts these parameters, at most one of them per call (code 1904 otherwise). */
    public Builder exclusive(String... names) {
      parameters.addAll(List.of(names));
      exclusiveGroups.add(List.of(names));
      return this;
    }

    /**
     * Marks parameters as secrets: the request echo (echo_request=1) leaves them out. They must
     * also be declared as optional, required or exclusive.
     */
    public Builder secret(String... names) {
      secrets.addAll(List.of(names));
      return this;
    }

    /** Marks an action that runs without a logged-in user and checks credentials itself. */
    public Builder unauthenticated() {
      authenticated = false;
      return this;
    }

    public ActionSpec handledBy(ApiHandler handler) {
      this.handler = handler;
      return new ActionSpec(this);
    }
  }
}
