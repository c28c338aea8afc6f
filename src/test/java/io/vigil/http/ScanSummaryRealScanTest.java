package io.vigil.http;

import static io.vigil.http.ScanTargetFixture.PROFILES;
import static io.vigil.http.ScanTargetFixture.SCAN;
import static io.vigil.http.ScanTargetFixture.WAIT_MILLIS;
import static io.vigil.http.ScanTargetFixture.awaitState;
import static io.vigil.http.ScanTargetFixture.form;
import static io.vigil.http.ScanTargetFixture.launch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.testing.ApiReply;
import io.vigil.testing.NamespaceListener;
import io.vigil.testing.NetworkNamespace;
import io.vigil.testing.TestServer;
import io.vigil.testing.XmlValidator;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Reproduces Qualys' published scan summary sample (XML, CSV and JSON, from the Qualys Cloud
 * Platform VM/PC 8.x release notes) from one real scan of hosts in a network namespace. Each
 * host of the sample reaches its category the way a real scan puts it there:
 *
 * <ul>
 *   <li>notvuln: namespace addresses that refuse the profile's only port, 2222;
 *   <li>cancelled: namespace addresses whose listener accepts and never sends, so the scan
 *       stalls on the first of them until the test cancels it;
 *   <li>dead: link addresses with nothing behind them, with ICMP and "scan dead hosts" off;
 *   <li>excluded: an address on the subscription's excluded IP list;
 *   <li>unresolved: an fqdn target that the hosts file lacks, and a NetBIOS-tracked host whose
 *       hosts line has no netbios= field;
 *   <li>duplicate: fqdn targets whose addresses the ip target contains already.
 * </ul>
 *
 * <p>The sample's 10.10.10.x addresses map one to one onto the namespace link (see
 * {@link #SAMPLE_HOSTS}); the host names are the sample's, from the hosts file. The cancelled
 * hosts get the highest addresses, because a scan probes its hosts in ascending order.
 */
@Tag("real-network")
class ScanSummaryRealScanTest {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Qualys' published sample: the Qualys Cloud Platform (VM, PC) 8.x release notes. */
  static final Path SAMPLE_DOCUMENT = Path.of(System.getProperty("vigil.shared.dir",
      "../shared")).resolve("seed/qualys-vm-pc-8x-release-notes.md");

  static final String SAMPLE_SECTION = "## New Scan Summary API for Hosts Not Scanned";
  static final String SAMPLE_REF_NUMBER = "1525251885.92469";
  static final String SAMPLE_SCAN_DATE = "2018-05-02T09:04:34Z";
  static final String SAMPLE_DATETIME = "2018-05-02T10:45:40Z";
  static final String SAMPLE_SINCE = "scan_date_since=2018-04-27";
  static final String SAMPLE_BASE_URL = "https://qualysapi.qualys.com";

  static final String DOMAIN = ".caac125.qualys.com";
  static final int PORT = 2222;
  static final int CONNECT_TIMEOUT_MS = 1000;

  /**
   * Read timeout of the profile. The scan waits this long on the silent listener of the first
   * cancelled host, which must outlast the wait for the other hosts and the cancel.
   */
  static final int READ_TIMEOUT_MS = 60_000;

  /** Host number on the namespace link of each 10.10.10.x address of the sample. */
  static final Map<Integer, Integer> SAMPLE_HOSTS = Map.ofEntries(
      Map.entry(10, 3), Map.entry(11, 4), Map.entry(12, 5), Map.entry(13, 6), Map.entry(14, 7),
      Map.entry(15, 8), Map.entry(17, 10), Map.entry(25, 14), Map.entry(26, 15),
      Map.entry(27, 16), Map.entry(20, 23), Map.entry(22, 25));

  /** How a namespace host replies to the scan. */
  enum Behavior {
    /** Address in the namespace without a listener: every port refuses. */
    REFUSES,
    /** No host behind the address: nothing replies. */
    ABSENT,
    /** A listener on port 2222 that sends an SSH identification string. */
    BANNER,
    /** A listener on port 2222 that accepts and never sends. */
    SILENT
  }

  /**
   * One target host.
   *
   * @param host the host number on the namespace link
   * @param tracking the asset's tracking method
   * @param behavior how the host replies to the scan
   * @param dnsName the hosts file name, or null for none
   * @param netbios the hosts file netbios= field, or null for none
   */
  record TargetHost(int host, String tracking, Behavior behavior, String dnsName,
      String netbios) {}

  static final List<TargetHost> HOSTS = List.of(
      // notvuln IP, the sample's 10.10.10.10-10.10.10.15 and 10.10.10.17.
      ip(3, Behavior.REFUSES), ip(4, Behavior.REFUSES), ip(5, Behavior.REFUSES),
      ip(6, Behavior.REFUSES), ip(7, Behavior.REFUSES), ip(8, Behavior.REFUSES),
      dns(9, Behavior.REFUSES, "gfi-31-1"),
      ip(10, Behavior.REFUSES),
      dns(11, Behavior.REFUSES, "gfi-31-2"),
      netbios(12, Behavior.REFUSES, "gfi-31-3"),
      netbios(13, Behavior.REFUSES, "gfi-31-4"),
      // dead IP 10.10.10.25, excluded IP 10.10.10.26, duplicate IP 10.10.10.27. The excluded
      // host listens, so that the test can show that the scan never connected to it.
      ip(14, Behavior.ABSENT),
      ip(15, Behavior.BANNER),
      new TargetHost(16, "IP", Behavior.BANNER, "duplicate-ip.vigil.test", null),
      dns(17, Behavior.ABSENT, "gfi-31-9"),
      netbios(18, Behavior.ABSENT, "gfi-31-10"),
      netbios(19, Behavior.ABSENT, "gfi-31-11"),
      // Scanned, but its NetBIOS tracking needs a NetBIOS name that the hosts file lacks.
      new TargetHost(20, "NETBIOS", Behavior.BANNER, "gfi-31-13" + DOMAIN, null),
      dns(21, Behavior.BANNER, "gfi-31-14"),
      netbios(22, Behavior.BANNER, "gfi-31-15"),
      // cancelled: the sample's 10.10.10.20 and 10.10.10.22, with names between them.
      ip(23, Behavior.SILENT),
      dns(24, Behavior.SILENT, "gfi-31-5"),
      ip(25, Behavior.SILENT),
      dns(26, Behavior.SILENT, "gfi-31-6"),
      netbios(27, Behavior.SILENT, "gfi-31-7"),
      netbios(28, Behavior.SILENT, "gfi-31-8"));

  static final int EXCLUDED_HOST = 15;
  static final int FIRST_CANCELLED_HOST = 23;
  static final long CANCELLED_COUNT =
      HOSTS.stream().filter(host -> host.behavior() == Behavior.SILENT).count();

  /** The fqdn targets: three duplicates of ip targets, and one name that does not resolve. */
  static final List<String> FQDNS = List.of("duplicate-ip.vigil.test", "gfi-31-14" + DOMAIN,
      "gfi-31-15" + DOMAIN, "gfi-31-12" + DOMAIN);

  @TempDir
  static Path dir;

  static NetworkNamespace namespace;
  static TestServer server;
  static Path listenerLog;
  static String ref;
  static String launchDate;
  static Instant cancelStart;
  static Instant cancelEnd;
  static ApiReply cancelReply;

  @BeforeAll
  static void scanAndCancel() throws Exception {
    namespace = NetworkNamespace.create(27);
    List<String> sockets = new ArrayList<>();
    for (TargetHost host : HOSTS) {
      if (host.behavior() == Behavior.ABSENT) {
        continue;
      }
      String address = namespace.addNamespaceAddress(host.host());
      if (host.behavior() == Behavior.BANNER) {
        sockets.add("banner=" + address + ":" + PORT);
      } else if (host.behavior() == Behavior.SILENT) {
        sockets.add("silent=" + address + ":" + PORT);
      }
    }
    listenerLog = dir.resolve("listener.log");
    namespace.startListener(sockets, listenerLog);

    server = TestServer.builder()
        .scanAllow(List.of(NetworkNamespace.NETWORK))
        .hostNames(hostsFile())
        .start();
    for (String tracking : List.of("IP", "DNS", "NETBIOS")) {
      String ips = HOSTS.stream().filter(host -> host.tracking().equals(tracking))
          .map(host -> address(host.host())).collect(Collectors.joining(","));
      ApiReply added = server.admin().post("/api/2.0/fo/asset/ip/",
          form("action", "add", "ips", ips, "enable_vm", "1", "tracking_method", tracking));
      assertThat(added.status()).as(added.text()).isEqualTo(200);
    }
    ApiReply excluded = server.admin().post("/api/2.0/fo/asset/excluded_ip/",
        form("action", "add", "ips", address(EXCLUDED_HOST), "comment", "out of scope"));
    assertThat(excluded.status()).as(excluded.text()).isEqualTo(200);
    ApiReply profile = server.admin().post(PROFILES, form("action", "create",
        "title", "Port 2222 only", "tcp_ports_type", "custom", "tcp_ports", "" + PORT,
        "discovery_tcp_ports", "" + PORT, "discovery_icmp", "0", "scan_dead_hosts", "0",
        "connect_timeout_ms", "" + CONNECT_TIMEOUT_MS, "read_timeout_ms", "" + READ_TIMEOUT_MS,
        "hosts_in_parallel", "4", "probes_in_parallel", "4"));
    assertThat(profile.status()).as(profile.text()).isEqualTo(200);

    int first = HOSTS.get(0).host();
    int last = HOSTS.get(HOSTS.size() - 1).host();
    ref = launch(server, "scan_title", "Scan summary sample", "option_title", "Port 2222 only",
        "ip", address(first) + "-" + address(last), "fqdn", String.join(",", FQDNS));
    awaitStalledOnCancelledHosts();

    cancelStart = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    cancelReply = server.admin().post(SCAN, form("action", "cancel", "scan_ref", ref));
    cancelEnd = Instant.now();
    ApiReply canceled = awaitState(server, ref, "Canceled");
    launchDate = canceled.xpath("//SCAN/LAUNCH_DATETIME");
  }

  @AfterAll
  static void stop() throws InterruptedException {
    // After the veth is gone, the link's addresses would follow the default route off the
    // machine, so the namespace is deleted only once no scan thread can probe the link. Closing
    // the server stops a scan that still runs after a failed setup. Stopping the listener ends
    // the read on the stalled host's connection that service detection may still wait in.
    try {
      if (namespace != null) {
        namespace.stopListeners();
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
    if (namespace == null) {
      return;
    }
    if (!awaitNoProbeThreads()) {
      throw new AssertionError("Scan threads still probe the namespace link " + linkPrefix()
          + "0/27, so the namespace " + namespace.name() + " was left in place; delete it with:"
          + " ip netns del " + namespace.name());
    }
    namespace.close();
  }

  @Test
  void xmlMatchesSample() throws Exception {
    String query = sampleQuery("Example - XML Output");
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ApiReply reply = server.admin().get(query);
    Instant after = Instant.now();

    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    String datetime = reply.xpath("/SCAN_SUMMARY_OUTPUT/RESPONSE/DATETIME");
    assertThat(Instant.parse(datetime)).isBetween(before, after);
    Document expected = parse(substitute(sampleBlock("Example - XML Output", "xml"))
        .replace(SAMPLE_DATETIME, datetime));
    Document actual = parse(reply.text());
    assertThat(actual.getDoctype().getName()).isEqualTo(expected.getDoctype().getName());
    assertThat(actual.getDoctype().getSystemId()).isEqualTo(expected.getDoctype().getSystemId());
    assertThat(elements(actual)).containsExactlyElementsOf(elements(expected));
  }

  @Test
  void csvMatchesSample() throws Exception {
    ApiReply reply = server.admin().get(sampleQuery("Example - CSV Output"));

    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    assertThat(reply.header("Content-Type").orElse("")).startsWith("text/csv");
    String expected = substitute(sampleBlock("Example - CSV Output", "csv"));
    assertThat(reply.text().lines().toList()).containsExactlyElementsOf(expected.lines().toList());
    assertThat(reply.text()).isEqualTo(expected);
  }

  @Test
  void jsonMatchesSample() throws Exception {
    ApiReply reply = server.admin().get(sampleQuery("Example - JSON Output"));

    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    assertThat(reply.header("Content-Type").orElse("")).startsWith("application/json");
    JsonNode expected = JSON.readTree(substitute(sampleBlock("Example - JSON Output", "json")));
    JsonNode actual = JSON.readTree(reply.body());
    assertThat(keyPaths(actual)).containsExactlyElementsOf(keyPaths(expected));
    assertThat(actual).isEqualTo(expected);
    assertThat(reply.text()).contains("\"scanRef\":\"scan\\/" + ref.substring(5) + "\"");
  }

  @Test
  void defaultXmlValidatesAgainstPublishedDtd() throws Exception {
    Path dtd = dir.resolve("scan_summary_output.dtd");
    Files.writeString(dtd, sampleBlock("New DTD", "dtd"));
    ApiReply plain = server.admin().get(sampleQuery("Example - XML Output"));
    ApiReply withEvidence = server.admin().get(sampleQuery("Example - XML Output")
        + "&show_evidence=1");

    XmlValidator.validate(plain.body(), dtd);
    // The published DTD has no HOST_EVIDENCE, so Vigil's extension must fail it: this shows
    // that the validation above checked the document.
    assertThatThrownBy(() -> XmlValidator.validate(withEvidence.body(), dtd))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("HOST_EVIDENCE");
  }

  @Test
  void noHostIsAbortedOrBlocked() {
    ApiReply reply = server.admin().get(sampleQuery("Example - XML Output")
        + "&include_aborted=1&include_blocked=1");

    assertThat(reply.count("//HOST_SUMMARY")).isEqualTo(15);
    assertThat(reply.count("//HOST_SUMMARY[@category='aborted']")).isZero();
    assertThat(reply.count("//HOST_SUMMARY[@category='blocked']")).isZero();
  }

  @Test
  void cancelInterruptedFirstCancelledHost() throws IOException {
    assertThat(cancelReply.responseText()).isEqualTo("Cancelling scan");
    assertThat(accepted(FIRST_CANCELLED_HOST)).isPositive();
  }

  @Test
  void excludedHostGotNoConnection() throws IOException {
    assertThat(accepted(EXCLUDED_HOST)).isZero();
  }

  @Test
  void scannedHostsGotConnections() throws IOException {
    // The duplicates' addresses are ip targets too, and the unresolved NetBIOS host is scanned
    // before its missing name makes it unresolved.
    for (int host : List.of(16, 20, 21, 22)) {
      assertThat(accepted(host)).as("connections to " + address(host)).isPositive();
    }
  }

  @Test
  void deadEvidenceNamesUnansweredProbes() {
    ApiReply reply = explained();
    String unanswered = "no reply from TCP ports " + PORT + " within " + CONNECT_TIMEOUT_MS
        + " ms. ICMP echo is off.";

    for (String host : List.of(address(14), "gfi-31-9" + DOMAIN, "gfi-31-10", "gfi-31-11")) {
      assertThat(categoryOf(reply, host)).as(host).isEqualTo("dead");
      assertThat(evidence(reply, host)).as(host).isEqualTo(unanswered);
    }
  }

  @Test
  void cancelledEvidenceNamesUserAndTime() {
    ApiReply reply = explained();
    Pattern cancelled = Pattern.compile("the scan was cancelled by admin at (\\S+), before this"
        + " host was done");

    for (String host : List.of(address(23), address(25), "gfi-31-5" + DOMAIN, "gfi-31-8")) {
      assertThat(categoryOf(reply, host)).as(host).isEqualTo("cancelled");
      Matcher matcher = cancelled.matcher(evidence(reply, host));
      assertThat(matcher.matches()).as(evidence(reply, host)).isTrue();
      assertThat(Instant.parse(matcher.group(1))).isBetween(cancelStart, cancelEnd);
    }
  }

  @Test
  void excludedEvidenceNamesListEntry() {
    ApiReply reply = explained();
    String host = address(EXCLUDED_HOST);

    assertThat(categoryOf(reply, host)).isEqualTo("excluded");
    assertThat(evidence(reply, host))
        .isEqualTo("on the subscription's excluded IP list, entry " + host);
  }

  @Test
  void notVulnerableEvidenceNamesRefusedPorts() {
    ApiReply reply = explained();
    String refused = "alive (TCP port " + PORT + " refused the connection), but the option"
        + " profile's one TCP port is not open: it refused the connection";

    for (String host : List.of(address(3), address(10), "gfi-31-1" + DOMAIN, "gfi-31-4")) {
      assertThat(categoryOf(reply, host)).as(host).isEqualTo("notvuln");
      assertThat(evidence(reply, host)).as(host).isEqualTo(refused);
    }
  }

  @Test
  void unresolvedAndDuplicateEvidence() {
    ApiReply reply = explained();

    assertThat(evidence(reply, "gfi-31-12" + DOMAIN)).isEqualTo("the hosts file has no address"
        + " for gfi-31-12" + DOMAIN + ", and Vigil sends no DNS query");
    assertThat(evidence(reply, "gfi-31-13")).isEqualTo("scanned, but the hosts file has no"
        + " NetBIOS name for " + address(20) + ", which its NetBIOS tracking needs to report it");
    assertThat(evidence(reply, "gfi-31-14" + DOMAIN)).isEqualTo("gfi-31-14" + DOMAIN
        + " resolves to " + address(21) + ", which the scan already targets through the ip"
        + " parameter or an asset group");
    assertThat(categoryOf(reply, "gfi-31-15")).isEqualTo("duplicate");
  }

  @Test
  void evidenceListsEverySampleHost() {
    ApiReply reply = explained();

    // 27 hosts: 11 notvuln, 6 cancelled, 4 dead, 1 excluded, 2 unresolved, 3 duplicate.
    assertThat(reply.count("//HOST_EVIDENCE")).isEqualTo(27);
    assertThat(reply.count("//HOST_SUMMARY")).isEqualTo(15);
  }

  private static TargetHost ip(int host, Behavior behavior) {
    return new TargetHost(host, "IP", behavior, null, null);
  }

  private static TargetHost dns(int host, Behavior behavior, String name) {
    return new TargetHost(host, "DNS", behavior, name + DOMAIN, null);
  }

  private static TargetHost netbios(int host, Behavior behavior, String name) {
    return new TargetHost(host, "NETBIOS", behavior, name + DOMAIN, name);
  }

  private static String address(int host) {
    return namespace.address(host);
  }

  /** Returns the hosts file: one line per target host with a name. */
  private static String hostsFile() {
    StringBuilder file = new StringBuilder();
    for (TargetHost host : HOSTS) {
      if (host.dnsName() == null) {
        continue;
      }
      file.append(address(host.host())).append(' ').append(host.dnsName());
      if (host.netbios() != null) {
        file.append(" netbios=").append(host.netbios());
      }
      file.append('\n');
    }
    return file.toString();
  }

  /**
   * Waits until every host below the cancelled ones is done and the scan has connected to the
   * first cancelled host, whose silent listener keeps it waiting for the read timeout.
   * Cancelling earlier would cancel hosts of the other categories too.
   */
  private static void awaitStalledOnCancelledHosts() throws Exception {
    long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
    String query = SCAN + "?action=list&show_progress=1&scan_ref="
        + URLEncoder.encode(ref, StandardCharsets.UTF_8);
    while (true) {
      ApiReply reply = server.admin().get(query);
      String state = reply.xpath("//SCAN/STATUS/STATE");
      long pending = Long.parseLong(reply.xpath("//SCAN/PROGRESS/HOSTS_TOTAL"))
          - Long.parseLong(reply.xpath("//SCAN/PROGRESS/HOSTS_DONE"));
      if (pending == CANCELLED_COUNT && accepted(FIRST_CANCELLED_HOST) > 0) {
        assertThat(state).isEqualTo("Running");
        return;
      }
      if (!List.of("Queued", "Running").contains(state) || pending < CANCELLED_COUNT
          || System.nanoTime() > deadline) {
        throw new AssertionError("The scan did not stall on " + address(FIRST_CANCELLED_HOST)
            + " with " + CANCELLED_COUNT + " hosts pending:\n" + reply.text()
            + "\nListener log:\n" + Files.readString(listenerLog));
      }
      Thread.sleep(200);
    }
  }

  /** Returns how many connections the namespace listener accepted on the host's port. */
  private static long accepted(int host) throws IOException {
    String prefix = NamespaceListener.ACCEPTED + address(host) + ":" + PORT + " ";
    return Files.readAllLines(listenerLog).stream().filter(line -> line.startsWith(prefix))
        .count();
  }

  /** Returns "198.18.N.", the first three octets of the namespace link. */
  private static String linkPrefix() {
    String host = address(1);
    return host.substring(0, host.lastIndexOf('.') + 1);
  }

  /**
   * Waits until no thread of the scan engine can probe the link: no host scan thread
   * (vigil-scan-host-N) and no service detection thread of a link address
   * (vigil-scan-detect-ADDRESS-N), as the engine names them. Gives up after the read timeout
   * and 30 s more, since a detection thread ends each read within the read timeout.
   */
  private static boolean awaitNoProbeThreads() throws InterruptedException {
    String detection = "vigil-scan-detect-" + linkPrefix();
    long deadline = System.nanoTime() + (READ_TIMEOUT_MS + 30_000) * 1_000_000L;
    while (System.nanoTime() < deadline) {
      boolean probing = Thread.getAllStackTraces().keySet().stream()
          .filter(Thread::isAlive)
          .map(Thread::getName)
          .anyMatch(name -> name.startsWith("vigil-scan-host-") || name.startsWith(detection));
      if (!probing) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  /** Returns the sample section of the release notes. */
  private static String sampleSection() throws IOException {
    String document = Files.readString(SAMPLE_DOCUMENT, StandardCharsets.UTF_8);
    int start = document.indexOf(SAMPLE_SECTION);
    assertThat(start).as("section " + SAMPLE_SECTION + " in " + SAMPLE_DOCUMENT)
        .isNotNegative();
    int end = document.indexOf("\n## ", start + SAMPLE_SECTION.length());
    return end < 0 ? document.substring(start) : document.substring(start, end);
  }

  /** Returns the first fenced code block of a language after a heading of the section. */
  private static String sampleBlock(String heading, String language) throws IOException {
    String section = sampleSection();
    int at = section.indexOf("### " + heading + "\n");
    assertThat(at).as("heading " + heading + " in " + SAMPLE_DOCUMENT).isNotNegative();
    String fence = "```" + language + "\n";
    int start = section.indexOf(fence, at);
    assertThat(start).as(fence.strip() + " block after " + heading).isNotNegative();
    int end = section.indexOf("```\n", start + fence.length());
    return section.substring(start + fence.length(), end);
  }

  /**
   * Returns the request of a sample example as a path and query, with scan_date_since set to
   * the scan's launch date.
   */
  private static String sampleQuery(String heading) {
    try {
      String request = sampleBlock(heading, "text");
      Matcher url = Pattern.compile("\"" + Pattern.quote(SAMPLE_BASE_URL) + "([^\"]+)\"")
          .matcher(request);
      assertThat(url.find()).as("request URL of " + heading + ": " + request).isTrue();
      assertThat(url.group(1)).contains(SAMPLE_SINCE);
      return url.group(1).replace(SAMPLE_SINCE,
          "scan_date_since=" + launchDate.substring(0, 10));
    } catch (IOException e) {
      throw new AssertionError("Cannot read " + SAMPLE_DOCUMENT, e);
    }
  }

  /**
   * Replaces the sample's addresses by the namespace addresses they map to, and its scan
   * reference, scan date and base URL by this scan's.
   */
  private static String substitute(String sample) {
    Matcher matcher = Pattern.compile("10\\.10\\.10\\.([0-9]+)").matcher(sample);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      Integer host = SAMPLE_HOSTS.get(Integer.parseInt(matcher.group(1)));
      if (host == null) {
        throw new AssertionError("The sample has " + matcher.group() + ", which the test does"
            + " not map onto the namespace");
      }
      matcher.appendReplacement(out, address(host));
    }
    matcher.appendTail(out);
    return out.toString()
        .replace(SAMPLE_REF_NUMBER, ref.substring("scan/".length()))
        .replace(SAMPLE_SCAN_DATE, launchDate)
        .replace(SAMPLE_BASE_URL, TestServer.BASE_URL);
  }

  /**
   * Parses XML without reading its DTD: the sample's DOCTYPE names a Qualys URL, and the
   * resolver fails rather than fetch anything.
   */
  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    builder.setEntityResolver((publicId, systemId) -> {
      throw new IOException("The test resolves no external entity: " + systemId);
    });
    return builder.parse(new InputSource(new StringReader(xml)));
  }

  /**
   * Returns every element in document order as "/PATH @attribute=value ... text", with the
   * element's own text trimmed.
   */
  private static List<String> elements(Document document) {
    List<String> out = new ArrayList<>();
    collect(document.getDocumentElement(), "", out);
    return out;
  }

  private static void collect(Element element, String parent, List<String> out) {
    String path = parent + "/" + element.getTagName();
    StringBuilder line = new StringBuilder(path);
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Node attribute = attributes.item(i);
      line.append(" @").append(attribute.getNodeName()).append('=')
          .append(attribute.getNodeValue());
    }
    StringBuilder text = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE
          || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    if (!text.toString().isBlank()) {
      line.append(' ').append(text.toString().strip());
    }
    out.add(line.toString());
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        collect(childElement, path, out);
      }
    }
  }

  /** Returns every object key in document order as a path such as [0].hostSummary[2].hosts. */
  private static List<String> keyPaths(JsonNode node) {
    List<String> out = new ArrayList<>();
    collectKeys(node, "", out);
    return out;
  }

  private static void collectKeys(JsonNode node, String path, List<String> out) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectKeys(node.get(i), path + "[" + i + "]", out);
      }
    } else if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        out.add(path + "." + field.getKey());
        collectKeys(field.getValue(), path + "." + field.getKey(), out);
      }
    }
  }

  private static ApiReply explained() {
    ApiReply reply = server.admin().get(sampleQuery("Example - XML Output") + "&show_evidence=1");
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    return reply;
  }

  /** Returns the evidence of one host, as listed in its HOST_SUMMARY. */
  private static String evidence(ApiReply reply, String host) {
    String element = "//HOST_EVIDENCE[@host='" + host + "']";
    assertThat(reply.count(element)).as("evidence of " + host + " in\n" + reply.text())
        .isEqualTo(1);
    return reply.xpath(element);
  }

  /** Returns the category of the HOST_SUMMARY whose evidence lists the host. */
  private static String categoryOf(ApiReply reply, String host) {
    return reply.xpath("//HOST_EVIDENCE[@host='" + host + "']/preceding-sibling::HOST_SUMMARY[1]"
        + "/@category");
  }
}
