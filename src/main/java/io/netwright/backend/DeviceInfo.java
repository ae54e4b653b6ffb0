package io.netwright.backend;

/**
 * One line of {@link Devices#available()}: a device family as a provider found it.
 *
 * @param kind      the device family
 * @param provider  the provider's name
 * @param available whether at least one device is usable
 * @param devices   how many devices are usable
 * @param detail    what was found, or why the family is unavailable
 */
public record DeviceInfo(Device.Kind kind, String provider, boolean available, int devices, String detail) {

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " [" + provider + "]: "
                + (available ? devices + " device(s) — " : "unavailable — ") + detail;
    }
}
