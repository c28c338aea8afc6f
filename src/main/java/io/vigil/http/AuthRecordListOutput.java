package io.vigil.http;

import io.vigil.authrecord.AuthRecord;
import io.vigil.authrecord.IpRange;
import io.vigil.authrecord.LoginType;
import io.vigil.authrecord.Technology;
import io.vigil.authrecord.VaultFields;
import io.vigil.wire.QualysTime;
import io.vigil.wire.XmlOutput;
import java.util.List;

/**
 * Writes the AUTH_WINDOWS and AUTH_UNIX elements of the record list outputs. Flags appear only
 * when they are on, and LOGIN_TYPE with DIGITAL_VAULT only for vault logins, as in Qualys'
 * documented samples. No secret is written: private keys show their types only.
 */
final class AuthRecordListOutput {
  private AuthRecordListOutput() {}

  /** Root element of the list output of a technology. */
  static String root(Technology technology) {
    return technology == Technology.WINDOWS ? "AUTH_WINDOWS_LIST_OUTPUT" : "AUTH_UNIX_LIST_OUTPUT";
  }

  /** DTD path of the list output of a technology. */
  static String dtdPath(Technology technology) {
    String name = technology.pathName();
    return "/api/2.0/fo/auth/" + name + "/auth_" + name + "_list_output.dtd";
  }

  static void writeList(XmlOutput xml, Technology technology, List<AuthRecord> records) {
    String element = technology == Technology.WINDOWS ? "AUTH_WINDOWS" : "AUTH_UNIX";
    xml.start(element + "_LIST");
    for (AuthRecord record : records) {
      xml.start(element);
      if (technology == Technology.WINDOWS) {
        writeWindows(xml, record);
      } else {
        writeUnix(xml, record);
      }
      xml.end();
    }
    xml.end();
  }

  private static void writeWindows(XmlOutput xml, AuthRecord record) {
    xml.element("ID", record.id());
    xml.cdataElement("TITLE", record.title());
    xml.cdataElement("USERNAME", record.username());
    if (!record.setting("windows_domain").isEmpty()) {
      xml.cdataElement("WINDOWS_DOMAIN", record.setting("windows_domain"));
    }
    flag(xml, "NTLM", record.flag("ntlm", false));
    flag(xml, "KERBEROS", record.flag("kerberos", false));
    flag(xml, "NTLM_V2", record.flag("ntlmv2", true));
    writeIps(xml, record);
    writeVault(xml, record);
    writeTail(xml, record);
  }

  private static void writeUnix(XmlOutput xml, AuthRecord record) {
    xml.element("ID", record.id());
    xml.cdataElement("TITLE", record.title());
    xml.cdataElement("USERNAME", record.username());
    flag(xml, "CLEARTEXT_PASSWORD", record.flag("cleartext_password", false));
    flag(xml, "SKIP_PASSWORD", record.flag("skip_password", false));
    if (!record.privateKeys().isEmpty()) {
      xml.start("PRIVATE_KEY_CERTIFICATE_LIST");
      for (AuthRecord.PrivateKeyCertificate key : record.privateKeys()) {
        xml.start("PRIVATE_KEY_CERTIFICATE");
        xml.element("ID", key.id());
        xml.start("PRIVATE_KEY_INFO").attribute("type", "basic");
        xml.emptyElement("PRIVATE_KEY", "type", key.keyType());
        xml.end();
        xml.emptyElement("PASSPHRASE_INFO", "type", "basic");
        if (key.certificateType() != null) {
          xml.emptyElement("CERTIFICATE", "type", key.certificateType());
        }
        xml.end();
      }
      xml.end();
    }
    if (!record.setting("port").isEmpty()) {
      xml.element("PORT", record.setting("port"));
    }
    writeIps(xml, record);
    writeVault(xml, record);
    writeTail(xml, record);
  }

  private static void writeIps(XmlOutput xml, AuthRecord record) {
    xml.start("IP_SET");
    for (IpRange range : record.ips()) {
      xml.element(range.isSingle() ? "IP" : "IP_RANGE", range.toString());
    }
    xml.end();
  }

  private static void writeVault(XmlOutput xml, AuthRecord record) {
    if (record.loginType() != LoginType.VAULT || record.vault() == null) {
      return;
    }
    xml.cdataElement("LOGIN_TYPE", record.loginType().apiName());
    xml.start("DIGITAL_VAULT");
    xml.cdataElement("DIGITAL_VAULT_ID", Long.toString(record.vault().id()));
    xml.cdataElement("DIGITAL_VAULT_TYPE", record.vault().type().apiName());
    xml.cdataElement("DIGITAL_VAULT_TITLE", record.vault().title());
    for (VaultFields.Field field : VaultFields.of(record.vault().type())) {
      xml.cdataElement(field.element(), record.setting(field.name()));
    }
    xml.end();
  }

  private static void writeTail(XmlOutput xml, AuthRecord record) {
    // Vigil has no scanner networks yet, so every record is in the default network 0.
    xml.element("NETWORK_ID", 0);
    xml.start("CREATED");
    xml.element("DATETIME", QualysTime.format(record.createdAt()));
    xml.element("BY", record.createdBy());
    xml.end();
    xml.start("LAST_MODIFIED");
    xml.element("DATETIME", QualysTime.format(record.modifiedAt()));
    xml.end();
    if (!record.comments().isEmpty()) {
      xml.cdataElement("COMMENTS", record.comments());
    }
  }

  private static void flag(XmlOutput xml, String element, boolean on) {
    if (on) {
      xml.element(element, 1);
    }
  }
}
