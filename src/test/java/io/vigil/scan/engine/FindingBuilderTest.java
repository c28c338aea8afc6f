package io.vigil.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.scan.Finding;
import io.vigil.scan.OpenService;
import io.vigil.scan.ScanQid;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingBuilderTest {
  @Test
  void hostScanTimeMatchesQualysLayout() {
    String text = FindingBuilder.scanTime(
        Instant.parse("2017-12-07T08:05:39Z"), Instant.parse("2017-12-07T08:12:19Z"));

    assertThat(text).isEqualTo("Scan duration: 400 seconds\n\n"
        + "Start time: Thu, Dec 07 2017, 08:05:39 GMT\n\n"
        + "End time: Thu, Dec 07 2017, 08:12:19 GMT");
  }

  @Test
  void openServicesTableUsesWellKnownNames() {
    List<OpenService> services = List.of(
        new OpenService(22, "ssh", "SSH-2.0-x", null, null),
        new OpenService(40001, OpenService.UNKNOWN, "", null, null));

    assertThat(FindingBuilder.openServicesTable(services)).isEqualTo(
        "Port\tIANA Assigned Ports/Services\tDescription\tService Detected\tOS On Redirected Port\n"
            + "22\tssh\tSSH Remote Login Protocol\tssh\t\n"
            + "40001\tunknown\tunknown\tunknown\t");
  }

  @Test
  void deadHostGetsNoOpenServicesFinding() {
    Instant now = Instant.parse("2024-05-07T10:04:00Z");

    List<Finding> findings = FindingBuilder.build(List.of(), now, now);

    assertThat(findings).extracting(Finding::qid).containsExactly(ScanQid.HOST_SCAN_TIME);
    assertThat(findings.get(0).protocol()).isEmpty();
  }

  @Test
  void everyQidIsDistinct() {
    assertThat(java.util.Arrays.stream(ScanQid.values()).map(ScanQid::qid).distinct().count())
        .isEqualTo(ScanQid.values().length);
  }
}
