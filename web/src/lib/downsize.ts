/** Longest side a photo keeps: enough to read a printed invoice, small enough for 3G. */
const MAX_SIDE = 1600;
const QUALITY = 0.8;
/** Below this a photo is sent as it is: re-encoding would cost quality and save little. */
const SMALL_BYTES = 400_000;

export interface Prepared {
  blob: Blob;
  filename: string;
}

/**
 * A phone photo is often 3–8 MB; redrawn at most 1600 px on its longest side as a JPEG it is a few
 * hundred KB. PDFs, small images and images the browser cannot draw (HEIC on most phones) go as
 * they are: the server checks every file's type and size either way.
 */
export async function downsizeForUpload(file: File): Promise<Prepared> {
  const original = { blob: file as Blob, filename: file.name };
  if (!file.type.startsWith("image/") || typeof createImageBitmap !== "function") return original;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return original;
  }
  try {
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    if (scale === 1 && file.size <= SMALL_BYTES) return original;
    const canvas = document.createElement("canvas");
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const g = canvas.getContext("2d");
    if (!g) return original;
    // JPEG has no transparency: a white page rather than black behind a transparent PNG.
    g.fillStyle = "#fff";
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", QUALITY));
    if (!blob || blob.size >= file.size) return original;
    return { blob, filename: `${file.name.replace(/\.[^.]*$/, "") || "photo"}.jpg` };
  } finally {
    bitmap.close();
  }
}
