import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collections;

/**
 * {@code java TrustStore.java <extra.pem> <truststore.p12> <password>}: a PKCS #12 trust store holding the
 * JDK's own trusted certificates and every certificate of {@code extra.pem}, for the build stage's Maven
 * (docker/build-stage/maven). keytool imports one certificate per run; a bundle has hundreds.
 */
public class TrustStore {

	public static void main(String[] args) throws Exception {
		char[] password = args[2].toCharArray();
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, password);
		File jdk = new File(System.getProperty("java.home"), "lib/security/cacerts");
		KeyStore defaults = KeyStore.getInstance(jdk, "changeit".toCharArray());
		for (String alias : Collections.list(defaults.aliases())) {
			if (defaults.isCertificateEntry(alias)) {
				store.setCertificateEntry(alias, defaults.getCertificate(alias));
			}
		}
		int added = 0;
		try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
			for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
				store.setCertificateEntry("extra-" + added++, certificate);
			}
		}
		try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
			store.store(out, password);
		}
		System.out.println("trusting " + added + " extra certificates");
	}
}
