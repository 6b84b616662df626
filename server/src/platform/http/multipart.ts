import type { FastifyRequest } from 'fastify';
import { AppError, errors } from '../errors.js';

export interface Upload {
  fileName: string;
  bytes: Buffer;
  /** The text fields sent beside the file. */
  fields: Record<string, string>;
}

interface MultipartError {
  code?: string;
  message?: string;
}

/**
 * Reads a multipart/form-data upload with one file (field `file`) and a few text fields.
 * The file is capped while it streams: a 200 MB upload is refused at the cap, not buffered.
 */
export async function readUpload(req: FastifyRequest, opts: { maxFileBytes: number; maxFields?: number }): Promise<Upload> {
  if (!req.isMultipart()) throw new AppError('unsupported_media_type', 415, 'Send the file as multipart/form-data (field "file")');
  let file: { fileName: string; bytes: Buffer } | undefined;
  const fields: Record<string, string> = {};
  let streaming: string | undefined;
  try {
    const parts = req.parts({ limits: { fileSize: opts.maxFileBytes, files: 1, fields: opts.maxFields ?? 20, fieldSize: 1_048_576, parts: (opts.maxFields ?? 20) + 1 } });
    for await (const part of parts) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw errors.field(part.fieldname, 'unexpected file; send the file in the field "file"');
        streaming = part.filename || 'upload';
        file = { fileName: streaming, bytes: await part.toBuffer() };
      } else {
        fields[part.fieldname] = typeof part.value === 'string' ? part.value : String(part.value);
      }
    }
  } catch (err) {
    throw uploadError(err, opts.maxFileBytes, streaming);
  }
  if (!file) throw errors.field('file', 'is required: send the bank file in the multipart field "file"');
  if (file.bytes.byteLength === 0) throw errors.field('file', `${file.fileName} is empty`);
  return { ...file, fields };
}

function uploadError(err: unknown, maxFileBytes: number, fileName: string | undefined): unknown {
  if (err instanceof AppError) return err;
  const e = err as MultipartError;
  switch (e.code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('payload_too_large', 413, `${fileName ?? 'The file'} is larger than ${Math.round(maxFileBytes / 1024 / 1024)} MB, the most that can be imported`, {
        file: `is larger than ${Math.round(maxFileBytes / 1024 / 1024)} MB`,
      });
    case 'FST_FILES_LIMIT':
      return errors.field('file', 'send one file at a time');
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return new AppError('bad_request', 400, 'Too many form fields');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('unsupported_media_type', 415, 'Send the file as multipart/form-data (field "file")');
    default:
      // Truncated or malformed multipart bodies (no boundary, cut short) are the client's mistake.
      return new AppError('bad_request', 400, `The upload could not be read as multipart/form-data: ${e.message ?? 'malformed body'}`);
  }
}
