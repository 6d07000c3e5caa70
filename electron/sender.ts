/**
 * Which IPC senders main answers: only the top frame of our own page, loaded from the
 * renderer file on disk. A frame from anywhere else (another file, a data: or http: URL, an
 * embedded subframe) gets a refusal, whatever it asks.
 */

/** The parts of Electron's WebFrameMain this check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/** True when `frame` is the top frame showing `rendererUrl` (a file:// URL). */
export function isTrustedSender(
  frame: SenderFrame | null | undefined,
  rendererUrl: string,
): boolean {
  if (!frame || frame.parent !== null) {
    return false;
  }
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  // The page may change its own query or fragment; the document itself must be ours.
  return url.protocol === 'file:' && `${url.origin}${url.pathname}` === stripped(rendererUrl);
}

function stripped(rendererUrl: string): string {
  const url = new URL(rendererUrl);
  return `${url.origin}${url.pathname}`;
}
