import { useEffect, useRef, useState } from "preact/hooks";
import { t } from "../../i18n";

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type DetectorClass = new (options?: { formats?: string[] }) => BarcodeDetectorLike;

const Detector = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;

/**
 * The back camera in a small window, read a few times a second by the browser's own BarcodeDetector:
 * no decoding library to download. Stops the camera when closed or when a code is read.
 */
export default function Scanner({ onCode, onClose }: { onCode: (code: string) => void; onClose: () => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState(false);

  useEffect(() => {
    if (!Detector) return;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const detector = new Detector({ formats: ["ean_13", "ean_8", "upc_a", "upc_e", "code_128", "code_39", "qr_code"] });
    const tick = async () => {
      const el = video.current;
      if (stopped || !el) return;
      try {
        if (el.readyState >= 2) {
          const [found] = await detector.detect(el);
          if (found?.rawValue && !stopped) {
            stopped = true;
            onCode(found.rawValue);
            return;
          }
        }
      } catch {
        // one bad frame; try the next
      }
      timer = setTimeout(() => void tick(), 250);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(async (s) => {
        stream = s;
        if (stopped || !video.current) return;
        video.current.srcObject = s;
        await video.current.play();
        void tick();
      })
      .catch(() => setProblem(true));
    return () => {
      stopped = true;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, []);

  return (
    <section class="stack scanner" aria-labelledby="scan-title">
      <h2 id="scan-title" class="sell-h2">
        {t("sell.scan.title")}
      </h2>
      {problem ? (
        <p role="alert" class="field-error">
          {t("sell.scan.noCamera")}
        </p>
      ) : (
        <>
          <video ref={video} class="scanner-video" muted playsInline aria-label={t("sell.scan.video")} />
          <p class="hint" role="status">
            {t("sell.scan.hint")}
          </p>
        </>
      )}
      <button type="button" class="btn btn-secondary" onClick={onClose}>
        {t("sell.scan.close")}
      </button>
    </section>
  );
}
