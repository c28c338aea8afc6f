package io.vigil.scan.engine;

import java.util.Map;
import java.util.TreeMap;

/**
 * The TCP ports of Vigil's standard port list, with the service name and description that the
 * open-services table (QID 82023) shows for each. The classic services (ftp, ssh, smtp, http, ...)
 * carry their IANA service names. Other ports are named for the software that commonly listens
 * there (6379 "redis"), so a name tells what a port usually carries, not what the registry lists.
 */
final class WellKnownPorts {
  /** Service name and description of one port. */
  record PortService(String name, String description) {}

  private static final PortService UNKNOWN = new PortService("unknown", "unknown");

  private static final Map<Integer, PortService> PORTS = new TreeMap<>();

  static {
    add(7, "echo", "Echo");
    add(9, "discard", "Discard");
    add(13, "daytime", "Daytime");
    add(21, "ftp", "File Transfer [Control]");
    add(22, "ssh", "SSH Remote Login Protocol");
    add(23, "telnet", "Telnet");
    add(25, "smtp", "Simple Mail Transfer");
    add(37, "time", "Time");
    add(43, "whois", "Who Is");
    add(49, "tacacs", "TACACS+ authentication");
    add(53, "domain", "Domain Name Server");
    add(70, "gopher", "Gopher");
    add(79, "finger", "Finger");
    add(80, "http", "World Wide Web HTTP");
    add(81, "http-alt", "HTTP, alternate port");
    add(88, "kerberos", "Kerberos");
    add(102, "iso-tsap", "ISO-TSAP (Siemens S7)");
    add(106, "pop3pw", "POP3 password change");
    add(110, "pop3", "Post Office Protocol - Version 3");
    add(111, "sunrpc", "SUN Remote Procedure Call");
    add(113, "auth", "Authentication Service (ident)");
    add(119, "nntp", "Network News Transfer Protocol");
    add(135, "epmap", "DCE endpoint resolution (MS RPC)");
    add(139, "netbios-ssn", "NETBIOS Session Service");
    add(143, "imap", "Internet Message Access Protocol");
    add(179, "bgp", "Border Gateway Protocol");
    add(199, "smux", "SMUX");
    add(264, "bgmp", "BGMP (Check Point topology)");
    add(389, "ldap", "Lightweight Directory Access Protocol");
    add(427, "svrloc", "Server Location");
    add(443, "https", "http protocol over TLS/SSL");
    add(444, "snpp", "Simple Network Paging Protocol");
    add(445, "microsoft-ds", "Microsoft-DS (SMB)");
    add(464, "kpasswd", "Kerberos password change");
    add(465, "submissions", "Message submission over TLS");
    add(497, "retrospect", "Retrospect backup");
    add(502, "mbap", "Modbus Application Protocol");
    add(512, "exec", "Remote process execution");
    add(513, "login", "Remote login (rlogin)");
    add(514, "shell", "Remote shell (rsh)");
    add(515, "printer", "Line printer daemon (LPD)");
    add(543, "klogin", "Kerberos login");
    add(544, "kshell", "Kerberos remote shell");
    add(548, "afpovertcp", "AFP over TCP");
    add(554, "rtsp", "Real Time Streaming Protocol");
    add(563, "nntps", "NNTP over TLS/SSL");
    add(587, "submission", "Message submission");
    add(593, "http-rpc-epmap", "HTTP RPC endpoint mapper");
    add(631, "ipp", "Internet Printing Protocol");
    add(636, "ldaps", "LDAP over TLS/SSL");
    add(646, "ldp", "Label Distribution Protocol");
    add(873, "rsync", "rsync");
    add(902, "vmware-auth", "VMware authentication daemon");
    add(989, "ftps-data", "FTP data over TLS/SSL");
    add(990, "ftps", "FTP control over TLS/SSL");
    add(992, "telnets", "Telnet over TLS/SSL");
    add(993, "imaps", "IMAP over TLS/SSL");
    add(995, "pop3s", "POP3 over TLS/SSL");
    add(1080, "socks", "SOCKS proxy");
    add(1099, "rmiregistry", "Java RMI registry");
    add(1194, "openvpn", "OpenVPN");
    add(1311, "rxmon", "Dell OpenManage web console");
    add(1433, "ms-sql-s", "Microsoft SQL Server");
    add(1521, "oracle-tns", "Oracle TNS listener");
    add(1723, "pptp", "Point-to-Point Tunneling Protocol");
    add(1883, "mqtt", "MQTT");
    add(2000, "cisco-sccp", "Cisco SCCP");
    add(2049, "nfs", "Network File System");
    add(2082, "cpanel", "cPanel web console");
    add(2083, "cpanel-ssl", "cPanel web console over TLS/SSL");
    add(2086, "whm", "WebHost Manager");
    add(2087, "whm-ssl", "WebHost Manager over TLS/SSL");
    add(2121, "ftp-alt", "FTP, alternate port");
    add(2181, "zookeeper", "Apache ZooKeeper");
    add(2222, "ssh-alt", "SSH, alternate port");
    add(2375, "docker", "Docker API");
    add(2376, "docker-s", "Docker API over TLS");
    add(2379, "etcd-client", "etcd client API");
    add(2380, "etcd-server", "etcd peer API");
    add(2483, "ttc", "Oracle database");
    add(2484, "ttc-ssl", "Oracle database over TLS/SSL");
    add(2525, "smtp-alt", "SMTP, alternate port");
    add(3000, "http-alt", "HTTP development servers (Grafana, Node.js)");
    add(3128, "squid-http", "Squid HTTP proxy");
    add(3268, "msft-gc", "Microsoft Global Catalog");
    add(3269, "msft-gc-ssl", "Microsoft Global Catalog over TLS/SSL");
    add(3306, "mysql", "MySQL");
    add(3389, "ms-wbt-server", "Microsoft Remote Desktop");
    add(3690, "svn", "Subversion");
    add(4369, "epmd", "Erlang port mapper");
    add(4443, "https-alt", "HTTPS, alternate port");
    add(4848, "appserv-http", "GlassFish administration");
    add(5000, "http-alt", "HTTP development servers (Flask, Docker registry)");
    add(5060, "sip", "Session Initiation Protocol");
    add(5061, "sips", "SIP over TLS");
    add(5222, "xmpp-client", "XMPP client connection");
    add(5269, "xmpp-server", "XMPP server connection");
    add(5432, "postgresql", "PostgreSQL Database");
    add(5601, "kibana", "Kibana");
    add(5672, "amqp", "AMQP");
    add(5900, "rfb", "Remote Framebuffer (VNC)");
    add(5901, "rfb-1", "VNC display 1");
    add(5984, "couchdb", "CouchDB");
    add(5985, "wsman", "WS-Management (WinRM)");
    add(5986, "wsmans", "WS-Management over TLS (WinRM)");
    add(6000, "x11", "X Window System");
    add(6379, "redis", "Redis");
    add(6443, "kube-apiserver", "Kubernetes API server");
    add(6667, "ircu", "Internet Relay Chat");
    add(6697, "ircs-u", "IRC over TLS");
    add(7001, "weblogic", "Oracle WebLogic");
    add(7443, "https-alt", "HTTPS, alternate port");
    add(8000, "http-alt", "HTTP, alternate port");
    add(8008, "http-alt", "HTTP, alternate port");
    add(8009, "ajp13", "Apache JServ Protocol");
    add(8080, "http-alt", "HTTP Alternate");
    add(8081, "http-alt", "HTTP, alternate port");
    add(8088, "http-alt", "HTTP, alternate port");
    add(8200, "vault", "HashiCorp Vault");
    add(8443, "https-alt", "HTTPS, alternate port");
    add(8500, "consul", "HashiCorp Consul");
    add(8883, "secure-mqtt", "MQTT over TLS");
    add(8888, "http-alt", "HTTP, alternate port");
    add(9000, "http-alt", "HTTP management consoles (SonarQube, MinIO, PHP-FPM)");
    add(9042, "cassandra", "Apache Cassandra native protocol");
    add(9090, "http-alt", "HTTP management consoles (Prometheus, Cockpit)");
    add(9092, "kafka", "Apache Kafka");
    add(9100, "jetdirect", "Printer raw port (JetDirect)");
    add(9200, "elasticsearch", "Elasticsearch HTTP API");
    add(9300, "elasticsearch-transport", "Elasticsearch transport");
    add(9418, "git", "Git protocol");
    add(9443, "https-alt", "HTTPS, alternate port");
    add(10000, "webmin", "Webmin");
    add(10250, "kubelet", "Kubernetes kubelet API");
    add(11211, "memcache", "Memcached");
    add(15672, "rabbitmq-mgmt", "RabbitMQ management");
    add(27017, "mongodb", "MongoDB");
    add(50000, "sap-mgmt", "SAP and DB2 services");
  }

  private WellKnownPorts() {}

  private static void add(int port, String name, String description) {
    PORTS.put(port, new PortService(name, description));
  }

  static int[] standardPorts() {
    return PORTS.keySet().stream().mapToInt(Integer::intValue).toArray();
  }

  /** Returns the service of a port, or "unknown" for a port outside the table. */
  static PortService serviceOf(int port) {
    return PORTS.getOrDefault(port, UNKNOWN);
  }
}
