package io.vigil.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One URL of the API, such as /api/2.0/fo/session/, and the actions its {@code action} parameter
 * selects.
 *
 * @param path the URL path, ending with a slash
 * @param rateLimited false for resources that Qualys exempts from the API limits (session)
 * @param requiresRequestedWith false for the version-1 /msp/ URLs, which Qualys serves without the
 *     X-Requested-With header
 * @param credentialsInBody true for session login, whose credentials are parameters; every other
 *     resource is authenticated from the headers before its body is read
 */
public record ApiResource(
    String path, Map<String, ActionSpec> actions, boolean rateLimited,
    boolean requiresRequestedWith, boolean credentialsInBody) {

  public static ApiResource of(String path, ActionSpec... actions) {
    return new ApiResource(path, index(actions), true, true, false);
  }

  /**
   * Returns the session resource: exempt from the rate and concurrency limits, and its login action reads
   * the credentials from the parameters.
   */
  static ApiResource sessionResource(String path, ActionSpec... actions) {
    return new ApiResource(path, index(actions), false, true, true);
  }

  /**
   * Returns a resource without an {@code action} parameter, such as /msp/about.php: its single action is
   * registered under the empty name.
   */
  public static ApiResource singleAction(String path, ActionSpec action) {
    return new ApiResource(path, index(action), true, false, false);
  }

  public boolean hasActionParameter() {
    return !actions.containsKey("");
  }

  Optional<ActionSpec> action(String name) {
    return Optional.ofNullable(actions.get(name));
  }

  List<String> actionNames() {
    return List.copyOf(actions.keySet());
  }

  private static Map<String, ActionSpec> index(ActionSpec... actions) {
    Map<String, ActionSpec> byName = new LinkedHashMap<>();
    for (ActionSpec action : actions) {
      if (byName.put(action.name(), action) != null) {
        throw new IllegalArgumentException("Action registered twice: " + action.name());
      }
    }
    return Collections.unmodifiableMap(byName);
  }
}
