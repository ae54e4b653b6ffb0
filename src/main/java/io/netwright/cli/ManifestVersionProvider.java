package io.netwright.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the {@code Implementation-Version} the jar plugin writes into the manifest. When the classes
 * do not come from the packaged jar (IDE, {@code mvn test}) there is no manifest, and the version says so.
 */
final class ManifestVersionProvider implements IVersionProvider {

    static final String UNPACKAGED = "development build (not running from netwright.jar)";

    @Override
    public String[] getVersion() {
        return new String[] {
                "netwright " + version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")",
        };
    }

    /** The application version, or {@link #UNPACKAGED} when not running from the jar. */
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? UNPACKAGED : v;
    }
}
