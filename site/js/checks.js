// Checks a chosen file before anything is sent, so the common mistakes get an answer at once.
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/bmp'];

export function megabytes(bytes) {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/** A sentence saying why this file cannot be used, or null if it looks fine. */
export function problemWith(file, maxBytes) {
  if (!file) return 'Choose a photo first.';
  if (!IMAGE_TYPES.includes(file.type)) {
    return `“${file.name}” is not an image this page can read. Choose a JPEG, PNG, WebP, GIF or BMP file.`;
  }
  if (file.size === 0) return `“${file.name}” is empty.`;
  if (file.size > maxBytes) {
    return `“${file.name}” is ${megabytes(file.size)}; the limit is ${megabytes(maxBytes)}. Choose a smaller photo.`;
  }
  return null;
}
