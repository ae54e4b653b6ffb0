package io.netwright.backend.cuda;

/**
 * One compiled image of our kernels, as {@link KernelImages#choose(int)} picks it for a driver, ready for
 * {@code cuModuleLoadData}; or no image at all, with the reason.
 *
 * <p>Example: {@code KernelImage img = KernelImages.choose(12040);} gives the compatibility PTX, and
 * {@code img.reason()} says why.
 *
 * @param name   the resource name ({@code "netwright_kernels.fatbin"}, ...), or {@code "none"}
 * @param data   the image bytes (PTX ends with a NUL), owned by this record and not to be modified; {@code null}
 *               exactly when {@code name} is {@code "none"}
 * @param reason one line saying why this image was chosen, or why none can be loaded
 */
public record KernelImage(String name, byte[] data, String reason) {

    /** The name of the no-image result. */
    public static final String NONE = "none";

    /** Validates. */
    public KernelImage {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("KernelImage: name must not be blank");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("KernelImage '" + name + "': reason must not be blank");
        }
        if ((data == null) != NONE.equals(name)) {
            throw new IllegalArgumentException("KernelImage '" + name + "': data must be null exactly for '" + NONE
                    + "'");
        }
    }

    /** No image can be loaded, for the given reason (shown to the user as it is). */
    public static KernelImage none(String reason) {
        return new KernelImage(NONE, null, reason);
    }

    /** Whether there is an image to load; if not, {@link #reason()} says why. */
    public boolean loadable() {
        return data != null;
    }

    /** Name, size and reason; the bytes themselves are not printed. */
    @Override
    public String toString() {
        return "KernelImage[" + name + (data == null ? "" : ", " + data.length + " bytes") + ": " + reason + "]";
    }
}
