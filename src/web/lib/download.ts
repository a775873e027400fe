/** Offers text as a file download (exports built in the browser). */
export function downloadText(fileName: string, text: string, type: string): void {
  downloadBlob(fileName, new Blob([text], { type }));
}

/** Offers a blob (e.g. a PNG drawn in the browser) as a file download. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  // Revoked after the click has been handled; the download itself does not need the URL.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
