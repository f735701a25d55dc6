import { ApiError } from "./client";

/**
 * POSTs a form with a file and reports upload progress. XMLHttpRequest rather than fetch because
 * only it reports upload progress, which on 3G is the difference between waiting and giving up.
 */
export function postForm(path: string, form: FormData, onProgress: (fraction: number) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, "network", "The server could not be reached."));
    xhr.ontimeout = xhr.onerror;
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body);
      const error = (body as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
      reject(
        new ApiError(xhr.status, error?.code ?? "http_error", error?.message ?? xhr.statusText, {}, error?.details),
      );
    };
    xhr.send(form);
  });
}
