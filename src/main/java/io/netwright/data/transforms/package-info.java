/**
 * Image transforms with torchvision's names, parameters and semantics (on image tensors): {@code Compose},
 * {@code ToTensor}, {@code Normalize}, {@code RandomHorizontalFlip}, {@code RandomVerticalFlip},
 * {@code RandomCrop}, {@code CenterCrop}, {@code Resize}, {@code RandomRotation}, {@code ColorJitter},
 * {@code RandomErasing}. Each takes the sample's generator, so augmentation is reproducible. Put
 * {@link io.netwright.data.transforms.ToTensor} first: the others work on float CHW
 * {@link io.netwright.data.Image}s, as torchvision's do on tensors.
 */
package io.netwright.data.transforms;
