/**
 * Whether this browser can read barcodes from the camera by itself (Chrome on Android can). Kept
 * apart from the scanner so that asking does not download it.
 */
export const canScan = () =>
  (globalThis as { BarcodeDetector?: unknown }).BarcodeDetector !== undefined && !!navigator.mediaDevices?.getUserMedia;
