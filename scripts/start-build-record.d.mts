/** Types of scripts/start-build-record.mjs (plain JavaScript, as the launcher). */
export interface FileStamp {
  path: string;
  size: number;
  mtimeMs: number;
}
export function fileStamp(path: string): Promise<FileStamp>;
export function currentBuild(cacheDir: string, key: string): Promise<string | undefined>;
export function recordBuild(cacheDir: string, dir: string, stamps: FileStamp[], key: string): Promise<void>;
