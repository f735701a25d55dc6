import { useEffect, useRef, useState } from "preact/hooks";
import { t } from "../../i18n";

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type DetectorClass = new (options?: { formats?: string[] }) => BarcodeDetectorLike;
type Read = (video: HTMLVideoElement) => Promise<string | undefined>;

const Detector = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;

/**
 * The browser's own BarcodeDetector where there is one (Chrome on Android): nothing to download.
 * Elsewhere the ZXing library, fetched now, on the first tap of Scan, so the till stays small.
 */
async function makeReader(): Promise<Read> {
  if (Detector) {
    const detector = new Detector({ formats: ["ean_13", "ean_8", "upc_a", "upc_e", "code_128", "code_39", "qr_code"] });
    return async (video) => (await detector.detect(video))[0]?.rawValue || undefined;
  }
  return (await import("./zxing-reader")).createReader();
}

/** The back camera in a small window, read a few times a second. Stops the camera when closed or when a code is read. */
export default function Scanner({ onCode, onClose }: { onCode: (code: string) => void; onClose: () => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<"camera" | "offline" | null>(null);
  const [ready, setReady] = useState(Detector !== undefined);

  useEffect(() => {
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let read: Read | undefined;
    const tick = async () => {
      const el = video.current;
      if (stopped || !el || !read) return;
      try {
        if (el.readyState >= 2) {
          const code = await read(el);
          if (code && !stopped) {
            stopped = true;
            onCode(code);
            return;
          }
        }
      } catch {
        // one bad frame; try the next
      }
      timer = setTimeout(() => void tick(), 250);
    };
    const stop = () => {
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
    const start = async () => {
      // Camera and reader start together: the permission prompt hides the download.
      const camera = navigator.mediaDevices
        .getUserMedia({ video: { facingMode: "environment" }, audio: false })
        .then((s) => {
          stream = s;
          if (stopped) stop();
          return s;
        });
      const reader = makeReader().catch(() => {
        throw new Error("offline");
      });
      const [s, r] = await Promise.all([camera, reader]);
      read = r;
      if (stopped || !video.current) return;
      setReady(true);
      video.current.srcObject = s;
      await video.current.play();
      void tick();
    };
    start().catch((err: unknown) => {
      stop();
      if (!stopped) setProblem(err instanceof Error && err.message === "offline" ? "offline" : "camera");
    });
    return () => {
      stopped = true;
      clearTimeout(timer);
      stop();
    };
  }, []);

  return (
    <section class="stack scanner" aria-labelledby="scan-title">
      <h2 id="scan-title" class="sell-h2">
        {t("sell.scan.title")}
      </h2>
      {problem ? (
        <p role="alert" class="field-error">
          {problem === "offline" ? t("app.offline") : t("sell.scan.noCamera")}
        </p>
      ) : (
        <>
          <video ref={video} class="scanner-video" muted playsInline aria-label={t("sell.scan.video")} />
          <p class="hint" role="status">
            {ready ? t("sell.scan.hint") : t("sell.scan.loading")}
          </p>
        </>
      )}
      <button type="button" class="btn btn-secondary" onClick={onClose}>
        {t("sell.scan.close")}
      </button>
    </section>
  );
}
