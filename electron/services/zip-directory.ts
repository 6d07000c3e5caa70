/**
 * Reads a zip's central directory: entry names, declared sizes and unix modes.
 *
 * fflate's unzipSync gives names and bytes but not the external attributes, where a zip made
 * on unix keeps the mode (executable bit, symbolic link). The layout is PKWARE APPNOTE.TXT
 * §4.3.12 (central directory header), §4.3.16 (end of central directory), §4.3.14-15 (zip64).
 */
import { type Result, appError, fail, ok } from '../../schemas/index.js';

/** One central-directory entry. */
export interface ZipEntryInfo {
  /** Name as stored (decoded the way fflate decodes it, so the two can be matched). */
  readonly name: string;
  /** Unix mode (type and permission bits) when the zip was made on unix, else undefined. */
  readonly unixMode?: number;
  /** Declared uncompressed size (0xffffffff when the real size is in a zip64 field). */
  readonly originalSize: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_HEADER = 0x02014b50;
/** "Version made by" host 3 = UNIX (APPNOTE §4.4.2.2): only then do the high 16 bits hold st_mode. */
const HOST_UNIX = 3;
const UTF8_NAME_FLAG = 0x800;

/** Lists the entries of a zip; a damaged or foreign file is an `invalid-value` error. */
export function readZipDirectory(data: Uint8Array): Result<ZipEntryInfo[]> {
  try {
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const directory = locateDirectory(view);
    if (!directory) {
      return fail(
        appError(
          'invalid-value',
          'this is not a zip archive (no end-of-directory record); export the configuration again',
          {
            ja: 'zip ファイルではありません (セントラルディレクトリの終端レコードがありません)。構成情報をもう一度書き出してください',
          },
        ),
      );
    }
    return ok(readEntries(data, view, directory.offset, directory.count));
  } catch {
    // DataView throws RangeError on truncated input: a damaged zip, not a bug.
    return fail(
      appError(
        'invalid-value',
        'the zip archive is damaged (its directory runs past the end of the file); export it again',
        {
          ja: 'zip ファイルが壊れています (ディレクトリがファイルの末尾を越えています)。もう一度書き出してください',
        },
      ),
    );
  }
}

function locateDirectory(view: DataView): { offset: number; count: number } | undefined {
  // The end record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at -= 1) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      return (
        zip64Directory(view, at) ?? {
          count: view.getUint16(at + 10, true),
          offset: view.getUint32(at + 16, true),
        }
      );
    }
  }
  return undefined;
}

function zip64Directory(
  view: DataView,
  endAt: number,
): { offset: number; count: number } | undefined {
  if (endAt < 20 || view.getUint32(endAt - 20, true) !== ZIP64_LOCATOR) {
    return undefined;
  }
  const recordAt = Number(view.getBigUint64(endAt - 12, true));
  if (view.getUint32(recordAt, true) !== ZIP64_END_OF_DIRECTORY) {
    return undefined;
  }
  return {
    count: Number(view.getBigUint64(recordAt + 32, true)),
    offset: Number(view.getBigUint64(recordAt + 48, true)),
  };
}

function readEntries(
  data: Uint8Array,
  view: DataView,
  offset: number,
  count: number,
): ZipEntryInfo[] {
  const entries: ZipEntryInfo[] = [];
  let at = offset;
  for (let index = 0; index < count; index += 1) {
    if (view.getUint32(at, true) !== DIRECTORY_HEADER) {
      throw new RangeError('central directory header expected');
    }
    const host = view.getUint8(at + 5);
    const nameLength = view.getUint16(at + 28, true);
    const rawName = data.subarray(at + 46, at + 46 + nameLength);
    if (rawName.length !== nameLength) {
      throw new RangeError('name runs past the end');
    }
    const attributes = view.getUint32(at + 38, true);
    entries.push({
      name: decodeName(rawName, (view.getUint16(at + 8, true) & UTF8_NAME_FLAG) !== 0),
      originalSize: view.getUint32(at + 24, true),
      ...(host === HOST_UNIX ? { unixMode: attributes >>> 16 } : {}),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/** Same rule as fflate's strFromU8(name, latin1 = !utf8Flag), so names match its output keys. */
function decodeName(bytes: Uint8Array, isUtf8: boolean): string {
  return isUtf8 ? new TextDecoder().decode(bytes) : String.fromCharCode(...bytes);
}
