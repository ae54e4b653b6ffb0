package io.netwright.backend;

/**
 * Marks the exception a backend throws when its device has no memory left for an allocation (after emptying its
 * caches), so the layers above can tell it from other failures without knowing the backend: the trainer pauses a
 * run on it instead of failing it.
 */
public interface OutOfDeviceMemory {
}
