/**
 * Whether this phone has a camera the page may ask for; every browser can then read barcodes. Kept
 * apart from the scanner so that asking does not download it.
 */
export const canScan = () => !!navigator.mediaDevices?.getUserMedia;
