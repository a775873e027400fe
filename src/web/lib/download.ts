/** Offers text as a file download (exports built in the browser). */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  // Revoked after the click has been handled; the download itself does not need the URL.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
