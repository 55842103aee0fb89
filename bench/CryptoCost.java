import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the worker's uploads cost in cryptography, per 2.3 MB (the outputs of a 1920x1080 job):
 * AES-GCM in 16 KB records, as TLS encrypts them on the way to S3 over HTTPS, and one SHA-256, as
 * the SDK signs a payload over plain HTTP (the local S3). Run it with the JIT setting to compare:
 *
 * <pre>
 * java -XX:TieredStopAtLevel=1 bench/CryptoCost.java   # Lambda's java21 default: quick compiler
 * java bench/CryptoCost.java                           # with the optimising compiler
 * </pre>
 *
 * Prints the median of 15 timed rounds after 40 unmeasured ones, for each.
 */
public class CryptoCost {
  private static final int BYTES = 2_300_000;
  private static final int RECORD = 16_384;

  public static void main(String[] args) throws Exception {
    byte[] data = new byte[BYTES];
    new java.util.Random(1).nextBytes(data);
    for (int keyBits : new int[] {128, 256}) {
      SecretKeySpec key = new SecretKeySpec(new byte[keyBits / 8], "AES");
      System.out.printf(
          "AES-%d-GCM, 16 KB records: %.1f ms%n", keyBits, median(() -> encrypt(data, key)));
    }
    System.out.printf(
        "SHA-256: %.1f ms%n", median(() -> MessageDigest.getInstance("SHA-256").digest(data)));
  }

  private static void encrypt(byte[] data, SecretKeySpec key) throws Exception {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    for (int at = 0, record = 0; at < data.length; at += RECORD, record++) {
      byte[] nonce = new byte[12];
      nonce[8] = (byte) (record >> 24);
      nonce[9] = (byte) (record >> 16);
      nonce[10] = (byte) (record >> 8);
      nonce[11] = (byte) record;
      nonce[0] = (byte) System.nanoTime(); // a fresh nonce per round: GCM refuses a repeated one
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      cipher.doFinal(data, at, Math.min(RECORD, data.length - at));
    }
  }

  interface Work {
    void run() throws Exception;
  }

  private static double median(Work work) throws Exception {
    double[] ms = new double[15];
    for (int round = 0; round < 55; round++) {
      long start = System.nanoTime();
      work.run();
      if (round >= 40) {
        ms[round - 40] = (System.nanoTime() - start) / 1e6;
      }
    }
    Arrays.sort(ms);
    return ms[ms.length / 2];
  }
}
