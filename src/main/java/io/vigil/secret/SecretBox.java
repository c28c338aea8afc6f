package io.vigil.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts secrets for storage with AES-256-GCM. A sealed value is "v1:" followed by the base64 of
 * a random 12-byte nonce and the ciphertext with its 16-byte tag. The purpose string (such as
 * "vault.secrets") is bound as associated data, so a value copied into another column does not
 * decrypt.
 */
public final class SecretBox {
  private static final String PREFIX = "v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final MasterKey key;
  private final SecureRandom random = new SecureRandom();

  public SecretBox(MasterKey key) {
    this.key = key;
  }

  public MasterKey key() {
    return key;
  }

  public String seal(String plaintext, String purpose) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
      byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      ByteBuffer sealed = ByteBuffer.allocate(NONCE_BYTES + ciphertext.length);
      sealed.put(nonce).put(ciphertext);
      return PREFIX + Base64.getEncoder().encodeToString(sealed.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  /**
   * Decrypts a sealed value.
   *
   * @throws InvalidMasterKeyException when the value was sealed with another key or for another
   *     purpose, or was altered
   */
  public String open(String sealed, String purpose) {
    if (sealed == null || !sealed.startsWith(PREFIX)) {
      throw new InvalidMasterKeyException("Stored secret for " + purpose + " is not sealed by Vigil.");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new InvalidMasterKeyException("Stored secret for " + purpose + " is damaged.");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, bytes, 0,
              NONCE_BYTES));
      cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
      byte[] plaintext = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
      return new String(plaintext, StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new InvalidMasterKeyException(
          "Cannot decrypt a stored secret (" + purpose + ") with the master key from "
              + key.source() + ": the key is not the one it was encrypted with.");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }
}
