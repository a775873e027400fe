import fs from "node:fs";

/**
 * DATA_DIR holds the database and the key file: only Mailroom's own user may read it. Created
 * 0700; an existing directory or file with group or other bits is tightened, since anyone who
 * can read the database reads every event, session hash and encrypted token in it.
 */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  tighten(dir, 0o700);
}

/** Creates `file` empty with 0600 if it is missing (SQLite then gives its -wal and -shm the same mode). */
export function ensurePrivateFile(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, fs.constants.O_CREAT | fs.constants.O_WRONLY, 0o600));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  tighten(file, 0o600);
}

/** Sets `mode` on a path that exists and is looser; a missing path is fine. */
export function tighten(p: string, mode: number): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
    throw e;
  }
  if ((st.mode & 0o777 & ~mode) !== 0) fs.chmodSync(p, mode);
}
