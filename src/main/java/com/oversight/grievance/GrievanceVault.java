package com.oversight.grievance;

import com.oversight.identity.TryItProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Encryption at rest of everything a reporter or handler wrote: AES-256-GCM (authenticated
 * encryption, the JDK's provider) with a fresh 96-bit nonce per value and the record's id and
 * purpose as associated data, so a ciphertext copied to another row does not decrypt. The key
 * comes from {@code oversight.grievance.encryption-key} (base64, 32 bytes); in try-it mode
 * without one, a local key is generated once in {@code oversight.grievance.key-file} (under
 * {@code ./data/}, outside git). Outside try-it mode a missing key stops the start.
 */
@Component
public class GrievanceVault {

  private static final Logger log = LoggerFactory.getLogger(GrievanceVault.class);
  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKey key;
  private final byte[] receiptSalt;
  private final byte[] receiptKey;
  private final SecureRandom random = new SecureRandom();

  public GrievanceVault(GrievanceSettings settings, TryItProperties tryIt) {
    byte[] raw = loadKey(settings, tryIt.enabled());
    this.key = new SecretKeySpec(raw, "AES");
    this.receiptSalt = derive(raw, "oversight receipt-code salt v1");
    this.receiptKey = hkdf(raw, "oversight receipt-code hmac key v2");
  }

  /** Encrypts text bound to {@code recordId} and {@code purpose}. */
  public byte[] encrypt(String plain, String recordId, String purpose) {
    return encrypt(plain.getBytes(StandardCharsets.UTF_8), recordId, purpose);
  }

  /** Encrypts bytes bound to {@code recordId} and {@code purpose}. */
  public byte[] encrypt(byte[] plain, String recordId, String purpose) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad(recordId, purpose));
      byte[] sealed = cipher.doFinal(plain);
      return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce)
          .put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Encryption failed", e);
    }
  }

  /** Decrypts what {@link #encrypt(byte[], String, String)} produced for the same record. */
  public byte[] decryptBytes(byte[] stored, String recordId, String purpose) {
    try {
      if (stored.length < 1 + NONCE_BYTES || stored[0] != VERSION) {
        throw new IllegalStateException("Unknown ciphertext format");
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key,
          new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
      cipher.updateAAD(aad(recordId, purpose));
      return cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Decryption failed: wrong key or altered record "
          + recordId, e);
    }
  }

  public String decrypt(byte[] stored, String recordId, String purpose) {
    return new String(decryptBytes(stored, recordId, purpose), StandardCharsets.UTF_8);
  }

  /**
   * The deployment's secret salt of the legacy (Argon2id) receipt-code hashes, derived from the
   * key.
   */
  byte[] receiptSalt() {
    return receiptSalt.clone();
  }

  /**
   * The key of the receipt-code HMAC: derived from the encryption key with HKDF-SHA256 and a
   * label of its own, so it is neither the encryption key nor the legacy salt, and lives (and is
   * lost) with the encryption key in the secret store.
   */
  byte[] receiptKey() {
    return receiptKey.clone();
  }

  private static byte[] aad(String recordId, String purpose) {
    return (recordId + "|" + purpose).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] derive(byte[] key, String label) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** HKDF-SHA256 (RFC 5869): the key is already 32 uniformly random bytes, so expand only. */
  private static byte[] hkdf(byte[] key, String label) {
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(HKDFParameters.skipExtractParameters(key,
        label.getBytes(StandardCharsets.UTF_8)));
    byte[] out = new byte[32];
    hkdf.generateBytes(out, 0, out.length);
    return out;
  }

  private byte[] loadKey(GrievanceSettings settings, boolean tryIt) {
    if (settings.encryptionKey() != null && !settings.encryptionKey().isBlank()) {
      return checked(Base64.getDecoder().decode(settings.encryptionKey().trim()),
          "oversight.grievance.encryption-key");
    }
    if (!tryIt) {
      throw new IllegalStateException("oversight.grievance.encryption-key is not set:"
          + " grievance content cannot be stored without an encryption key. Generate one with"
          + " 'openssl rand -base64 32' and set OVERSIGHT_GRIEVANCE_ENCRYPTION_KEY.");
    }
    Path file = Path.of(settings.keyFile());
    try {
      if (Files.exists(file)) {
        return checked(Base64.getDecoder().decode(Files.readString(file).trim()),
            file.toString());
      }
      byte[] fresh = new byte[32];
      random.nextBytes(fresh);
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n");
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the file keeps the default permissions
      }
      log.info("Try-it mode: generated a local grievance encryption key in {}", file);
      return fresh;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the grievance key file " + file, e);
    }
  }

  private static byte[] checked(byte[] key, String source) {
    if (key.length != 32) {
      throw new IllegalStateException(source + " must be 32 bytes (base64 of 256 random bits),"
          + " not " + key.length);
    }
    return key;
  }
}
