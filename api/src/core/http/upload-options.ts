import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { MulterOptions } from '@nestjs/platform-express/multer/interfaces/multer-options.interface';
import { basename, extname } from 'path';

/**
 * Multer options for upload endpoints, e.g.
 *   @UseInterceptors(FilesInterceptor('files', 20, uploadOptions(config.uploadLimit, ['.csv', '.zip', '.xlsx'])))
 * - a file over `maxBytes` -> 413 PAYLOAD_TOO_LARGE (Nest maps multer's LIMIT_FILE_SIZE), not 500;
 * - too many files/fields -> 400;
 * - a name with another extension -> 415 UNSUPPORTED_MEDIA_TYPE; a name with a path or control
 *   characters -> 400 BAD_FILE_NAME (names are never used as paths: still use safeUploadName).
 * Files are kept in memory (multer's default) unless `storage` is given.
 */
export function uploadOptions(
  maxBytes: number,
  extensions: string[],
  opts: { maxFiles?: number; storage?: MulterOptions['storage'] } = {},
): MulterOptions {
  const allowed = new Set(extensions.map((e) => e.toLowerCase()));
  return {
    ...(opts.storage ? { storage: opts.storage } : {}),
    limits: { fileSize: maxBytes, files: opts.maxFiles ?? 20, fields: 20, fieldSize: 64 * 1024, parts: (opts.maxFiles ?? 20) + 20 },
    fileFilter: (_req, file, cb) => {
      if (!isSafeFileName(file.originalname)) {
        cb(new BadRequestException({ code: 'BAD_FILE_NAME', message: 'a file name must not contain a path or control characters' }), false);
        return;
      }
      const ext = extname(file.originalname).toLowerCase();
      if (!allowed.has(ext)) {
        cb(
          new UnsupportedMediaTypeException({
            code: 'UNSUPPORTED_FILE_TYPE',
            params: { file: file.originalname },
            message: `"${file.originalname}" is not one of ${[...allowed].join(', ')}`,
          }),
          false,
        );
        return;
      }
      cb(null, true);
    },
  };
}

/** A file name without any directory part, `..`, NUL or control characters. */
export function isSafeFileName(name: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (!name || name.length > 255 || /[\u0000-\u001f\u007f]/.test(name)) return false;
  if (name.includes('/') || name.includes('\\') || name === '.' || name === '..' || name.includes('..')) return false;
  return basename(name) === name;
}

/** The last path component of a client-sent name, safe to show or to join under a folder we own. */
export function safeUploadName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = last.replace(/[\u0000-\u001f\u007f]/g, '').replace(/^\.+/, '');
  return cleaned.slice(0, 255) || 'upload';
}
