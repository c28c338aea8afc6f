package io.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.account.AccountService;
import io.vigil.account.ApiLimits;
import io.vigil.account.SubscriptionType;
import io.vigil.testing.ApiReply;
import io.vigil.testing.MutableClock;
import io.vigil.testing.TestServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rate and concurrency limits per subscription and per API, with the six limit headers. */
class ApiLimitsTest {
  static final String SLOW = "/api/2.0/fo/vigil_slow/";
  static final String ABOUT = "/msp/about.php";

  static final MutableClock clock = MutableClock.at("2026-05-01T00:00:00Z");
  static final CountDownLatch entered = new CountDownLatch(1);
  static final CountDownLatch release = new CountDownLatch(1);
  static TestServer server;

  @BeforeAll
  static void start() {
    server =
        TestServer.builder()
            .clock(clock)
            .resources(
                resources -> {
                  resources.policy().allow(SLOW, "wait", AccessPolicy.EVERY_ROLE);
                  resources.add(
                      dispatcher ->
                          ApiResource.of(
                              SLOW,
                              ActionSpec.readAction("wait")
                                  .handledBy(
                                      (request, response) -> {
                                        entered.countDown();
                                        release.await(30, TimeUnit.SECONDS);
                                        response.simpleReturn("Done");
                                      })));
                })
            .start();
    AccountService accounts = server.server().accounts();
    accounts.updateSubscription(
        accounts.defaultSubscription().id(), SubscriptionType.ENTERPRISE, new ApiLimits(3, 60, 1));
  }

  @AfterAll
  static void stop() {
    release.countDown();
    server.close();
  }

  @Test
  void rateLimitBlocksWithCode1965ThenRecovers() {
    ApiReply first = server.admin().get(ABOUT);
    clock.advance(Duration.ofSeconds(10));
    ApiReply second = server.admin().get(ABOUT);
    ApiReply third = server.admin().get(ABOUT);
    ApiReply blocked = server.admin().get(ABOUT);
    clock.advance(Duration.ofSeconds(51));
    ApiReply afterWindow = server.admin().get(ABOUT);

    assertThat(first.header("X-RateLimit-Remaining")).hasValue("2");
    assertThat(second.header("X-RateLimit-Remaining")).hasValue("1");
    assertThat(third.header("X-RateLimit-Remaining")).hasValue("0");
    assertThat(blocked.status()).isEqualTo(409);
    assertThat(blocked.code()).isEqualTo("1965");
    assertThat(blocked.responseText())
        .isEqualTo("This API cannot be run again for another 50 seconds.");
    assertThat(blocked.xpath("//ITEM[KEY='SECONDS_TO_WAIT']/VALUE")).isEqualTo("50");
    assertThat(blocked.header("X-RateLimit-ToWait-Sec")).hasValue("50");
    assertThat(blocked.header("X-RateLimit-Remaining")).hasValue("0");
    assertThat(blocked.header("X-RateLimit-Limit")).hasValue("3");
    assertThat(blocked.header("X-RateLimit-Window-Sec")).hasValue("60");
    assertThat(afterWindow.status()).isEqualTo(200);
    assertThat(afterWindow.header("X-RateLimit-Remaining")).hasValue("0");
  }

  @Test
  void concurrencyLimitBlocksWithCode1960() throws Exception {
    CompletableFuture<ApiReply> running =
        CompletableFuture.supplyAsync(() -> server.admin().get(SLOW + "?action=wait"));
    assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

    ApiReply blocked = server.admin().get(SLOW + "?action=wait");
    release.countDown();
    ApiReply finished = running.get(30, TimeUnit.SECONDS);

    assertThat(blocked.status()).isEqualTo(409);
    assertThat(blocked.code()).isEqualTo("1960");
    assertThat(blocked.responseText())
        .isEqualTo(
            "This API cannot be run again until 1 currently running API instance has finished.");
    assertThat(blocked.xpath("//ITEM[KEY='CALLS_TO_FINISH']/VALUE")).isEqualTo("1");
    assertThat(blocked.header("X-Concurrency-Limit-Limit")).hasValue("1");
    assertThat(blocked.header("X-Concurrency-Limit-Running")).hasValue("1");
    assertThat(finished.status()).isEqualTo(200);
    assertThat(finished.header("X-Concurrency-Limit-Running")).hasValue("0");
  }
}
